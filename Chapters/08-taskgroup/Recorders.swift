import Foundation
import Primitives

/// A list that child tasks append to from any thread; read it after they have ended.
final class SharedList<Element: Sendable>: Sendable {
    private let items = Locked<[Element]>([])

    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
    var count: Int { items.withLock { $0.count } }
}

/// Counts the children running right now and the most there ever were; hands each running
/// child the lowest free slot number, so a timeline can draw one lane per slot.
final class RunningGauge: Sendable {
    private struct State {
        var running = 0
        var peak = 0
        var freeSlots: [Int] = []
    }
    private let state = Locked(State())

    /// A child starts: returns its slot (1, 2, ...).
    func enter() -> Int {
        state.withLock { state in
            state.running += 1
            state.peak = max(state.peak, state.running)
            guard let lowest = state.freeSlots.min() else { return state.running }  // slots 1..<running are taken
            state.freeSlots.removeAll { $0 == lowest }
            return lowest
        }
    }

    func leave(slot: Int) {
        state.withLock { state in
            state.running -= 1
            state.freeSlots.append(slot)
        }
    }

    var peak: Int { state.withLock { $0.peak } }
}

/// Seconds since `start`.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
