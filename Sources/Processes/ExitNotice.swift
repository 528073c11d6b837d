import Dispatch
import Primitives

/// A one-time notice that a child process has ended, which any number of threads can
/// wait for, with or without a timeout. `Foundation.Process` calls its termination
/// handler on a thread of its own after reaping the child; that handler posts here.
final class ExitNotice: Sendable {
    private let ended = DispatchGroup()
    private let stored = Locked<Termination?>(nil)

    init() {
        ended.enter()
    }

    /// How the process ended, or `nil` while it runs.
    var termination: Termination? { stored.withLock { $0 } }

    /// Called once, when the process has ended and been reaped.
    func post(_ termination: Termination) {
        let first = stored.withLock { stored -> Bool in
            guard stored == nil else { return false }
            stored = termination
            return true
        }
        if first { ended.leave() }
    }

    func wait() -> Termination {
        ended.wait()
        return termination!
    }

    func wait(timeout: Duration) -> Termination? {
        let nanoseconds = Int(min(max(timeout.seconds, 0), 1e6) * 1e9)
        guard ended.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return nil }
        return termination
    }
}
