/// When `Futures.wait` returns (Python's `FIRST_COMPLETED`, `FIRST_EXCEPTION`,
/// `ALL_COMPLETED`). It returns earlier if its timeout passes.
public enum ReturnWhen: Sendable {
    /// As soon as any future completes (or at once if one already has).
    case firstCompleted
    /// As soon as any future fails; if none fails, when all have completed.
    case firstFailure
    /// When every future has completed.
    case allCompleted

    /// Whether `Futures.wait` may stop now that `completed` has completed. For
    /// `.allCompleted` never: the wait ends when no future is left.
    func isMet<Value>(after completed: Future<Value>) -> Bool {
        switch self {
        case .firstCompleted: true
        case .firstFailure: if case .failure? = completed.completedResult { true } else { false }
        case .allCompleted: false
        }
    }
}
