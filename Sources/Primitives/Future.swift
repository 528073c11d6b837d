import Foundation

/// The read side of a result that will exist later: Swift's counterpart of Python's
/// `concurrent.futures.Future`. Its write side is a `Promise`, held by whoever produces
/// the result (a thread pool's worker, usually).
///
///     let promise = Promise<Int>()
///     let future = promise.future
///     future.onCompletion { result in print("finished:", result) }
///     Thread.detachNewThread { promise.succeed(42) }
///     let answer = try future.result(timeout: .seconds(1))   // 42
///
/// - A future completes exactly once, with a value or an error. Later completions are
///   ignored (and report so), so every reader sees the same outcome.
/// - `result()` blocks until then and returns the value or rethrows the error;
///   `result(timeout:)` throws `FutureError.timedOut` if the wait is too long.
/// - Callbacks registered with `onCompletion` run exactly once each: on the completing
///   thread if registered before, at once on the caller's thread if registered after.
/// - `cancel()` succeeds only while the future is pending: once its job runs, it is too
///   late (as in Python).
///
/// Every stored property below is read and written only while `condition` is locked;
/// the compiler cannot see that lock, hence `@unchecked Sendable`. The tests run under
/// ThreadSanitizer.
public final class Future<Value: Sendable>: @unchecked Sendable {
    /// What a completion callback receives: the value, or the error.
    public typealias Callback = @Sendable (Result<Value, any Error>) -> Void

    // ANCHOR: state
    /// A future's life: pending -> running -> finished, or pending -> finished
    /// (completed without a job, or cancelled). Nothing ever leaves `finished`.
    private enum State {
        case pending
        case running
        case finished(Result<Value, any Error>)
    }

    private let condition = NSCondition()
    private var state = State.pending
    /// Callbacks waiting for the outcome. Emptied when it arrives: a callback registered
    /// later runs at once instead of being stored.
    private var callbacks: [Callback] = []
    // ANCHOR_END: state

    /// Futures are made by a `Promise`, which alone may complete them.
    init() {}

    // MARK: Observing

    /// Whether the future has completed (with a value, an error, or by cancellation).
    public var isDone: Bool { completedResult != nil }

    /// Whether a job has started producing this future's result and not yet finished.
    public var isRunning: Bool {
        locked { if case .running = state { true } else { false } }
    }

    /// Whether the future was cancelled before it started.
    public var isCancelled: Bool {
        guard case .failure(let error as FutureError)? = completedResult else { return false }
        return error == .cancelled
    }

    /// The outcome if the future has completed, `nil` otherwise. Never blocks.
    public var completedResult: Result<Value, any Error>? {
        locked { if case .finished(let result) = state { result } else { nil } }
    }

    // MARK: Waiting

    // ANCHOR: result
    /// Blocks until the future completes; returns its value or rethrows its error.
    public func result() throws -> Value {
        try result(deadline: nil)
    }

    /// Like `result()`, waiting at most `timeout`.
    /// - Throws: `FutureError.timedOut` if the future did not complete in time.
    public func result(timeout: Duration) throws -> Value {
        try result(deadline: timeout.deadlineFromNow)
    }

    private func result(deadline: Date?) throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if case .finished(let result) = state { return try result.get() }
            guard let deadline else {
                condition.wait()
                continue
            }
            // `false` means the deadline passed. Look once more before giving up: the
            // result may have arrived at the very last moment.
            if !condition.wait(until: deadline) {
                if case .finished(let result) = state { return try result.get() }
                throw FutureError.timedOut
            }
        }
    }
    // ANCHOR_END: result

    // MARK: Callbacks

    // ANCHOR: callbacks
    /// Runs `callback` with the outcome, exactly once: later, on the thread that
    /// completes the future, or now, on this thread, if the future is already done.
    /// Callbacks run outside the lock, so they may call anything on this future.
    public func onCompletion(_ callback: @escaping Callback) {
        condition.lock()
        guard case .finished(let result) = state else {
            callbacks.append(callback)
            condition.unlock()
            return
        }
        condition.unlock()
        callback(result)
    }
    // ANCHOR_END: callbacks

    // MARK: Cancelling

    /// Cancels the future if its job has not started: the job will never run, `result()`
    /// throws `FutureError.cancelled`, and the callbacks run. Returns whether the future
    /// is cancelled now: false once its job is running or it has finished otherwise.
    @discardableResult
    public func cancel() -> Bool {
        _ = complete(with: .failure(FutureError.cancelled), onlyIfPending: true)
        return isCancelled
    }

    // MARK: Transitions (used by `Promise`)

    // ANCHOR: transitions
    /// pending -> running. Returns false if the future was cancelled (or completed)
    /// first: then the job must not run.
    func markRunning() -> Bool {
        locked {
            guard case .pending = state else { return false }
            state = .running
            return true
        }
    }

    /// pending or running -> finished. Returns false, changing nothing, if the future had
    /// already finished: the first completion wins, every later one is ignored.
    /// `onlyIfPending` (for `cancel()`) also refuses a future whose job is running.
    func complete(with result: Result<Value, any Error>, onlyIfPending: Bool = false) -> Bool {
        condition.lock()
        switch state {
        case .finished:
            condition.unlock()
            return false
        case .running where onlyIfPending:
            condition.unlock()
            return false
        case .pending, .running:
            state = .finished(result)
            let waiting = callbacks
            callbacks = []
            condition.broadcast()           // wake every thread blocked in result()
            condition.unlock()
            // Outside the lock: a callback that calls result() or onCompletion() on this
            // future would otherwise deadlock (NSCondition's lock is not recursive).
            for callback in waiting { callback(result) }
            return true
        }
    }
    // ANCHOR_END: transitions

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}

extension Future: CustomStringConvertible {
    /// `Future<Int>(running)`, `Future<Int>(finished: 42)`, ...: Python's repr of a future.
    public var description: String {
        let inside = locked { () -> String in
            switch state {
            case .pending: "pending"
            case .running: "running"
            case .finished(.success(let value)): "finished: \(value)"
            case .finished(.failure(FutureError.cancelled)): "cancelled"
            case .finished(.failure(let error)): "failed: \(error)"
            }
        }
        return "Future<\(Value.self)>(\(inside))"
    }
}
