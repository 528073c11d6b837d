/// Why a future has no value to give: errors of the future itself, as opposed to the
/// errors a job throws (those are rethrown by `result()` unchanged).
public enum FutureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `result(timeout:)` or a completion wait gave up before the future completed.
    /// The future itself is unaffected: it may still complete later.
    case timedOut
    /// The future was cancelled before its job started (Python's `CancelledError`).
    case cancelled

    public var description: String {
        switch self {
        case .timedOut: "timed out waiting for the future"
        case .cancelled: "the future was cancelled before it started"
        }
    }
}
