import Synchronization

/// The moments at which threads were released from a wait, recorded from any thread.
final class ReleaseTimes: Sendable {
    private let times = Mutex<[ContinuousClock.Instant]>([])

    func record() { times.withLock { $0.append(.now) } }
    var all: [ContinuousClock.Instant] { times.withLock { $0 } }
}
