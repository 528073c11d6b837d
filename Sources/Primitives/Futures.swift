/// Waiting on many futures at once: Python's `concurrent.futures.as_completed` and
/// `concurrent.futures.wait`.
public enum Futures {
    /// The futures in the order they complete, each once (Python's `as_completed`).
    ///
    ///     for future in Futures.asCompleted(futures) { use(try future.result()) }
    public static func asCompleted<Value>(_ futures: [Future<Value>]) -> CompletionOrder<Value> {
        CompletionOrder(futures)
    }

    // ANCHOR: wait
    /// Blocks until `condition` holds for `futures` or `timeout` passes (`nil`: no limit),
    /// then returns which futures are done and which are not. It never throws: on a
    /// timeout, `notDone` is simply not empty.
    ///
    ///     let first = Futures.wait(futures, until: .firstCompleted, timeout: .seconds(1))
    public static func wait<Value>(_ futures: [Future<Value>], until condition: ReturnWhen = .allCompleted,
                                   timeout: Duration? = nil) -> WaitResult<Value> {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let completions = CompletionOrder(futures)
        while let future = nextCompletion(completions, deadline: deadline) {
            if condition.isMet(after: future) { break }
        }
        return WaitResult(done: futures.filter(\.isDone), notDone: futures.filter { !$0.isDone })
    }

    /// The next future to complete before `deadline`, or `nil` if none is left or
    /// the deadline passed.
    private static func nextCompletion<Value>(_ completions: CompletionOrder<Value>,
                                              deadline: ContinuousClock.Instant?) -> Future<Value>? {
        guard let deadline else { return completions.next() }
        return try? completions.next(timeout: deadline - .now)
    }
    // ANCHOR_END: wait
}
