/// The life of a `ThreadPoolExecutor`, one case per stage, so that no combination of
/// flags can contradict itself. Each transition is one function; anything else is a bug
/// and stops the program.
///
///     running --beginShutdown--> shuttingDown(liveWorkers: n) --workerExited x n--> stopped
public enum ExecutorState: Equatable, Sendable {
    /// Accepting jobs; the workers run them.
    case running
    /// No new jobs; the workers finish the jobs already queued, then exit.
    case shuttingDown(liveWorkers: Int)
    /// Every worker has exited.
    case stopped

    // ANCHOR: transitions
    /// running -> shuttingDown. Returns whether this call began the shutdown (later
    /// calls find the pool already shutting down or stopped and change nothing).
    mutating func beginShutdown(workers: Int) -> Bool {
        guard case .running = self else { return false }
        self = workers > 0 ? .shuttingDown(liveWorkers: workers) : .stopped
        return true
    }

    /// One worker has run out of jobs after the shutdown and exited; the last one
    /// to exit stops the pool.
    mutating func workerExited() {
        guard case .shuttingDown(let live) = self else {
            preconditionFailure("a worker exited while the pool was \(self)")
        }
        self = live > 1 ? .shuttingDown(liveWorkers: live - 1) : .stopped
    }
    // ANCHOR_END: transitions
}
