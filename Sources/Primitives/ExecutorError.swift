/// Why an executor refused a job.
public enum ExecutorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `shutdown` was called: the executor accepts no new jobs (Python raises
    /// `RuntimeError: cannot schedule new futures after shutdown`).
    case shutDown

    public var description: String {
        switch self {
        case .shutDown: "the executor is shut down and accepts no new jobs"
        }
    }
}
