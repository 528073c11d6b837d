/// The write side of a `Future`: whoever will produce the result holds the promise and
/// completes it once; everyone else holds the `future` and waits.
///
///     let promise = Promise<String>()
///     hand(promise.future, to: someReader)
///     promise.succeed("done")        // or promise.fail(error)
///
/// Python's `Future` is both sides in one object (`set_result` next to `result`);
/// splitting them means a reader cannot complete what it was only meant to read.
/// A promise is a small value that shares its future: copies complete the same future.
public struct Promise<Value: Sendable>: Sendable {
    /// The future this promise completes.
    public let future: Future<Value>

    /// A promise with a new, pending future.
    public init() {
        future = Future()
    }

    // ANCHOR: complete
    /// Completes the future with `value`. Returns false if it had already completed
    /// (or was cancelled): the earlier outcome stands.
    @discardableResult
    public func succeed(_ value: Value) -> Bool {
        future.complete(with: .success(value))
    }

    /// Completes the future with `error`, which `result()` will rethrow.
    /// Returns false if the future had already completed.
    @discardableResult
    public func fail(_ error: any Error) -> Bool {
        future.complete(with: .failure(error))
    }

    /// Completes the future with `result`. Returns false if it had already completed.
    @discardableResult
    public func complete(with result: Result<Value, any Error>) -> Bool {
        future.complete(with: result)
    }
    // ANCHOR_END: complete

    /// Call just before starting the job that produces the result (Python's
    /// `set_running_or_notify_cancel`). Returns false if the future was cancelled while
    /// it waited: then do not run the job.
    public func markRunning() -> Bool {
        future.markRunning()
    }
}
