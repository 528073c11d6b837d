/// Why a process pool has no result for one input. The other inputs are not affected:
/// that isolation is the point of running jobs in processes.
public enum JobFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The worker died while running this input (a crash, a kill, an `exit`).
    case workerDied(Termination)
    /// The worker took longer than the pool's job timeout; it was killed.
    case timedOut(after: Duration)
    /// The worker's reply was not a valid reply to this request; it was killed.
    case invalidReply(String)
    /// The input could not be encoded as JSON, so it was never sent.
    case unencodableInput(String)
    /// The job ran and threw this error in the worker.
    case jobThrew(String)
    /// The pool could not start a worker to run this input.
    case workerUnavailable(String)
    /// The pool was shut down before this input ran.
    case poolShutDown

    public var description: String {
        switch self {
        case .workerDied(let termination): "the worker died: \(termination)"
        case .timedOut(let after): "no reply within \(after); the worker was killed"
        case .invalidReply(let reason): "invalid reply: \(reason)"
        case .unencodableInput(let reason): "the input could not be encoded: \(reason)"
        case .jobThrew(let message): "the job threw: \(message)"
        case .workerUnavailable(let reason): "no worker could be started: \(reason)"
        case .poolShutDown: "the pool was shut down first"
        }
    }
}
