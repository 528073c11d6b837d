import Synchronization
@testable import Primitives

/// Counts how many tasks or threads are inside a region, and the most there ever were.
final class OccupancyGauge: Sendable {
    private let inside = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)
    private let entries = Atomic<Int>(0)

    func enter() {
        let now = inside.wrappingAdd(1, ordering: .relaxed).newValue
        peak.max(now, ordering: .relaxed)
        entries.wrappingAdd(1, ordering: .relaxed)
    }

    func leave() { inside.wrappingSubtract(1, ordering: .relaxed) }

    var maximum: Int { peak.load(ordering: .relaxed) }
    var total: Int { entries.load(ordering: .relaxed) }
}

/// An append-only list shared by tasks.
final class SharedLog<Element: Sendable>: Sendable {
    private let items = Locked<[Element]>([])
    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
    var count: Int { items.withLock { $0.count } }
}
