import Processes

/// Why a call to a distributed actor in another process did not return a value. Every
/// case names what happened, so a caller can tell a dead worker from a missing actor.
/// It is `Codable`: the failures a worker detects itself (no such actor, an argument
/// it cannot decode) travel back to the caller as they are.
public enum ProcessActorError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The worker process ended while the call was pending, or before it was sent.
    /// `termination` is how it ended, when that was known in time.
    case workerDied(pid: Int32, termination: Termination?)
    /// The worker was stopped on purpose (`ProcessActorSystem.stopWorker`).
    case workerStopped(pid: Int32)
    /// No worker with this pid is connected to this system.
    case noSuchProcess(pid: Int32)
    /// The process has no actor of this name (or not of the type asked for).
    case noSuchActor(ProcessActorID)
    /// No reply within the system's call timeout. The call may still run in the worker.
    case timedOut(ProcessActorID, after: Duration)
    /// The worker sent something that is not a reply: it is broken and was killed.
    case malformedReply(pid: Int32, reason: String)
    /// An argument or a result could not be encoded or decoded.
    case serialization(String)
    /// The remote method threw an error whose type cannot be rebuilt here (it is not
    /// `Codable`, or this process does not know it): its type name and description.
    case remoteError(type: String, description: String)

    public var description: String {
        switch self {
        case .workerDied(let pid, let termination?): "worker \(pid) died (\(termination))"
        case .workerDied(let pid, nil): "worker \(pid) died"
        case .workerStopped(let pid): "worker \(pid) was stopped"
        case .noSuchProcess(let pid): "no worker with pid \(pid) is connected"
        case .noSuchActor(let id): "no actor \(id)"
        case .timedOut(let id, let after): "no reply from \(id) within \(after)"
        case .malformedReply(let pid, let reason): "worker \(pid) sent a malformed reply: \(reason)"
        case .serialization(let reason): "serialization failed: \(reason)"
        case .remoteError(let type, let description): "the remote method threw \(type): \(description)"
        }
    }
}
