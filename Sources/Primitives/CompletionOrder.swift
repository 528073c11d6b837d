/// Futures handed out in the order they complete: Python's `as_completed`, made by
/// `Futures.asCompleted(_:)`.
///
///     for future in Futures.asCompleted(futures) {
///         print(try future.result())     // never blocks: the future is done
///     }
///
/// Each distinct future comes out exactly once (a future listed twice, once); iteration
/// ends when all have. `next()` blocks without limit; `next(timeout:)` gives up.
///
/// How it works: every future gets a completion callback that puts the future in a
/// `BlockingQueue` (chapter 03), so the queue holds the futures in completion order and
/// `next` is simply `get`. Futures already done when it is made are put in at once.
///
/// One thread iterates; the class is not meant to be shared.
public final class CompletionOrder<Value: Sendable>: Sequence, IteratorProtocol {
    // ANCHOR: completion-order
    private let completed = BlockingQueue<Future<Value>>()
    private var remaining: Int

    init(_ futures: [Future<Value>]) {
        var seen = Set<ObjectIdentifier>()
        let distinct = futures.filter { seen.insert(ObjectIdentifier($0)).inserted }
        remaining = distinct.count
        for future in distinct {
            future.onCompletion { [completed] _ in
                try? completed.put(future)   // unbounded and never closed: cannot fail
            }
        }
    }

    /// The next future to complete, waiting as long as it takes; `nil` once every
    /// future has been handed out.
    public func next() -> Future<Value>? {
        guard remaining > 0, let future = try? completed.get() else { return nil }
        remaining -= 1
        return future
    }

    /// Like `next()`, waiting at most `timeout` for the next completion.
    /// - Throws: `FutureError.timedOut` if none completed in time.
    public func next(timeout: Duration) throws(FutureError) -> Future<Value>? {
        guard remaining > 0 else { return nil }
        do {
            let future = try completed.get(timeout: Swift.max(timeout, .zero))
            remaining -= 1
            return future
        } catch {
            throw .timedOut
        }
    }
    // ANCHOR_END: completion-order
}
