import Foundation
import Primitives

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-05 exercise N` (or `make exercise-05-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1. A future of `transform(value)`: when `future` completes, complete the
// returned future with `transform` applied to its value, or with its error. Nobody may
// block while waiting (hint: `future.onCompletion { result in ... }`).
func mapFuture<T: Sendable, U: Sendable>(_ future: Future<T>,
                                         _ transform: @escaping @Sendable (T) throws -> U) -> Future<U> {
    let promise = Promise<U>()
    // TODO: complete `promise` when `future` completes.
    return promise.future
}

// Exercise 2. The value of the first future to *succeed*, ignoring failures; if every
// future fails, rethrow the last error. Use `Futures.asCompleted`.
func firstSuccess<T: Sendable>(_ futures: [Future<T>]) throws -> T {
    try futures[0].result()          // TODO: the first to succeed, not the first in the list
}

// Exercise 3. Python's `executor.map(fn, inputs, timeout=...)`: like `pool.map`, but
// throw `FutureError.timedOut` if all the results are not ready within `timeout` of the
// call, and cancel the jobs not yet started.
func mapWithTimeout<Input: Sendable, Output: Sendable>(on pool: ThreadPoolExecutor, _ inputs: [Input], timeout: Duration,
                                                       _ transform: @escaping @Sendable (Input) throws -> Output) throws -> [Output] {
    try pool.map(inputs, transform)  // TODO: honour `timeout`
}
