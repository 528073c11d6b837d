import Foundation

/// The moments at which threads were released from a wait, recorded from any thread.
/// (An `NSLock` rather than a `Mutex` so that the chapter's helpers stay quiet under
/// ThreadSanitizer, which cannot see inside a contended `Mutex` on Linux.)
final class ReleaseTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [ContinuousClock.Instant] = []   // guarded by `lock`

    func record() {
        lock.lock()
        defer { lock.unlock() }
        times.append(.now)
    }

    var all: [ContinuousClock.Instant] {
        lock.lock()
        defer { lock.unlock() }
        return times
    }
}
