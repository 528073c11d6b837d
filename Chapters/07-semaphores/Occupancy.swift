import Primitives
import Notebook

/// Counts who is inside a guarded region right now, the most there ever were, and keeps
/// each stay as a span, so a cell can check a limit two ways: by counting and by the
/// timeline.
final class Occupancy: Sendable {
    private struct State {
        var inside = 0
        var peak = 0
        var stays: [(start: ContinuousClock.Instant, end: ContinuousClock.Instant)] = []
    }
    private let state = Locked(State())

    /// Records an entry; returns how many are inside now, this one included.
    @discardableResult
    func enter() -> Int {
        state.withLock { state in
            state.inside += 1
            state.peak = max(state.peak, state.inside)
            return state.inside
        }
    }

    func leave(stayedFrom start: ContinuousClock.Instant) {
        state.withLock { state in
            state.inside -= 1
            state.stays.append((start, .now))
        }
    }

    var peak: Int { state.withLock { $0.peak } }

    /// When each recorded stay began.
    var starts: [ContinuousClock.Instant] { state.withLock { $0.stays.map(\.start) } }

    /// The largest number of recorded stays that overlap at one instant: what a timeline
    /// of the stays would show as the most bars at once.
    var mostOverlapping: Int {
        let stays = state.withLock { $0.stays }
        var events: [(instant: ContinuousClock.Instant, change: Int)] = []
        for stay in stays {
            events.append((stay.start, 1))
            events.append((stay.end, -1))
        }
        // In time order; at a tie, a leave counts before an enter.
        events.sort { $0.instant == $1.instant ? $0.change < $1.change : $0.instant < $1.instant }
        var current = 0, most = 0
        for (_, change) in events {
            current += change
            most = max(most, current)
        }
        return most
    }
}

/// Seconds since `start`.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
