import Foundation
import Primitives

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-05 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// The callback runs on whichever thread completes `future`; it only transforms and
    /// completes, so it never blocks that thread for long.
    static func mapFuture<T: Sendable, U: Sendable>(_ future: Future<T>,
                                                    _ transform: @escaping @Sendable (T) throws -> U) -> Future<U> {
        let promise = Promise<U>()
        future.onCompletion { result in
            _ = promise.complete(with: Result { try transform(try result.get()) })
        }
        return promise.future
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    static func firstSuccess<T: Sendable>(_ futures: [Future<T>]) throws -> T {
        var lastError: any Error = FutureError.timedOut
        for future in Futures.asCompleted(futures) {
            do { return try future.result() }   // done already: never blocks
            catch { lastError = error }
        }
        throw lastError
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// One deadline for the whole call; each `result(timeout:)` gets what is left of it.
    /// On a timeout, cancel every job: `cancel()` stops those not yet started.
    static func mapWithTimeout<Input: Sendable, Output: Sendable>(on pool: ThreadPoolExecutor, _ inputs: [Input], timeout: Duration,
                                                                  _ transform: @escaping @Sendable (Input) throws -> Output) throws -> [Output] {
        let deadline = ContinuousClock.now + timeout
        let futures = try inputs.map { input in try pool.submit { try transform(input) } }
        do {
            return try futures.map { future in
                try future.result(timeout: max(.zero, deadline - ContinuousClock.now))
            }
        } catch {
            futures.forEach { _ = $0.cancel() }
            throw error
        }
    }
    // ANCHOR_END: solution-3
}
