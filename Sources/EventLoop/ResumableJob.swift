/// A job that runs in steps: each `resume()` runs until the job's next pause and says what
/// it waits for. This is Python's generator idea (`yield` hands control back to whoever
/// called `next()`), written by hand: the job keeps its own state between steps.
public protocol ResumableJob {
    var name: String { get }
    /// Runs the next step.
    mutating func resume() -> JobStep
}

/// What a job says when it pauses.
public enum JobStep: Sendable, Equatable {
    /// Run me again soon, after the others have had a turn.
    case yield
    /// Run me again once `Duration` has passed.
    case sleep(Duration)
    /// I am done.
    case finished
}
