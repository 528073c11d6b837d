/// What happened to one input of `ProcessPool.run`: its result, which worker process
/// ran it and when. The book draws these as a timeline with one lane per worker.
public struct JobReport<Output: Sendable>: Sendable {
    /// The input's position in the input list.
    public var index: Int
    /// The pid of the worker that ran it (0 if none did).
    public var workerPID: Int32
    public var started: ContinuousClock.Instant
    public var finished: ContinuousClock.Instant
    public var result: Result<Output, JobFailure>
}
