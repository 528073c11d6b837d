import Synchronization

/// Counts how many threads or tasks are inside a region now, and the most there ever were.
final class ConcurrencyGauge: Sendable {
    private let inside = Atomic<Int>(0)
    private let most = Atomic<Int>(0)

    /// Runs `body` counted as inside the region.
    func measure<T>(_ body: () throws -> T) rethrows -> T {
        most.max(inside.wrappingAdd(1, ordering: .relaxed).newValue, ordering: .relaxed)
        defer { inside.wrappingSubtract(1, ordering: .relaxed) }
        return try body()
    }

    /// The most ever inside at once.
    var peak: Int { most.load(ordering: .relaxed) }
}
