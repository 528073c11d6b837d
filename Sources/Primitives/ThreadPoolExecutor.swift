import Foundation

/// A fixed number of worker threads that run submitted jobs: Swift's counterpart of
/// Python's `concurrent.futures.ThreadPoolExecutor`.
///
///     let pool = ThreadPoolExecutor(workers: 4)
///     let future = try pool.submit { expensiveWork() }      // returns at once
///     let squares = try pool.map([1, 2, 3]) { $0 * $0 }     // [1, 4, 9], in input order
///     pool.shutdown()                                       // finish queued jobs, stop
///
/// or, shutting down however the block ends (Python's `with ThreadPoolExecutor() as pool:`):
///
///     let squares = try withThreadPool(workers: 4) { pool in try pool.map(inputs, square) }
///
/// Jobs wait in a `BlockingQueue` (chapter 03); each worker loops on `get()` and runs
/// what it gets. Shutting down closes the queue: `submit` is refused from then on, and
/// the workers drain the jobs already queued before they exit.
///
/// The workers keep the pool alive until it is shut down: always call `shutdown`, or
/// use `withThreadPool`, or the worker threads outlive their use.
public final class ThreadPoolExecutor: Sendable {
    /// The number of worker threads.
    public let workerCount: Int
    /// The prefix of the workers' names (`pool-1`, `pool-2`, ...), as `currentWorkerName`
    /// reports them.
    public let name: String

    // ANCHOR: parts
    /// A job ready to run: it runs the user's code and completes the future itself.
    private typealias Job = @Sendable () -> Void

    private let jobs = BlockingQueue<Job>()
    private let workers = ThreadGroup()
    private let lifecycle = Locked(ExecutorState.running)
    // ANCHOR_END: parts

    /// Starts `workers` threads, known as `name-1` ... `name-N`, waiting for jobs.
    public init(workers: Int, name: String = "pool") {
        precondition(workers > 0, "a pool needs at least one worker")
        self.workerCount = workers
        self.name = name
        for index in 1...workers {
            let workerName = "\(name)-\(index)"
            self.workers.spawn { [self] in work(as: workerName) }
        }
    }

    /// The name of the pool worker running the calling code (`pool-2`), or `nil` when
    /// the caller is not a pool worker. Use it rather than `Thread.current.name`: on
    /// Linux a thread's name, set as it starts, is sometimes lost.
    public static var currentWorkerName: String? {
        Thread.current.threadDictionary[workerNameKey] as? String
    }

    private static let workerNameKey = "ThreadPoolExecutor.workerName"

    /// Where the pool is in its life.
    public var state: ExecutorState { lifecycle.withLock { $0 } }

    // ANCHOR: submit
    /// Queues `work` to run on a worker thread and returns its future at once.
    /// The future completes with what `work` returns, or with the error it throws.
    /// - Throws: `ExecutorError.shutDown` after `shutdown` has been called.
    public func submit<T: Sendable>(_ work: @escaping @Sendable () throws -> T) throws(ExecutorError) -> Future<T> {
        let promise = Promise<T>()
        do {
            try jobs.put {
                // A job cancelled while it waited in the queue is skipped.
                guard promise.markRunning() else { return }
                promise.complete(with: Result { try work() })
            }
        } catch {
            throw .shutDown      // the queue is closed: the one gate, checked under its lock
        }
        return promise.future
    }
    // ANCHOR_END: submit

    // ANCHOR: map
    /// Runs `transform` on every input, spread over the workers, and returns the results
    /// in input order (whatever order they finished in). If a job throws, `map` rethrows
    /// the error of the first failing input and cancels the jobs not yet started.
    /// - Throws: the first error in input order, or `ExecutorError.shutDown`.
    public func map<Input: Sendable, Output: Sendable>(
        _ inputs: some Sequence<Input>,
        _ transform: @escaping @Sendable (Input) throws -> Output
    ) throws -> [Output] {
        let futures = try inputs.map { input throws(ExecutorError) in try submit { try transform(input) } }
        do {
            return try futures.map { try $0.result() }
        } catch {
            for future in futures { future.cancel() }
            throw error
        }
    }
    // ANCHOR_END: map

    // ANCHOR: shutdown
    /// Stops accepting jobs. The jobs already queued still run. With `wait` true,
    /// returns once they have all finished and every worker has exited; with `wait`
    /// false, returns at once. Calling it again is harmless (and with `wait` true, waits).
    /// Do not call it with `wait` true from inside a job: the worker would wait for itself.
    public func shutdown(wait: Bool = true) {
        let began = lifecycle.withLock { $0.beginShutdown(workers: workerCount) }
        if began { jobs.close() }
        if wait { workers.join() }
    }

    /// A worker's whole life: run jobs until the queue is closed and drained.
    private func work(as workerName: String) {
        Thread.current.threadDictionary[Self.workerNameKey] = workerName
        while let job = try? jobs.get() {   // `get` throws only when closed and empty
            job()
        }
        lifecycle.withLock { $0.workerExited() }
    }
    // ANCHOR_END: shutdown
}
