import Foundation
import Notebook
import Primitives

// Run one with `swift run chapter-05 exercise N`. Each starts failing; make its checks pass.

// ANCHOR: exercise-1
/// Exercise 1. A future of `transform(value)`: when `future` completes, complete the
/// returned future with `transform` applied to its value, or with its error. Nobody
/// may block while waiting (hint: `future.onCompletion { result in ... }`).
func mapFuture<T: Sendable, U: Sendable>(_ future: Future<T>,
                                         _ transform: @escaping @Sendable (T) throws -> U) -> Future<U> {
    let promise = Promise<U>()
    // TODO: complete `promise` when `future` completes.
    return promise.future
}
// ANCHOR_END: exercise-1

func exerciseChain(_ cell: Cell) throws {
    try withThreadPool(workers: 2) { pool in
        let length = mapFuture(try pool.submit { pause(units: 1); return "futures" }) { (text: String) in text.count }
        cell.check((try? length.result(timeout: unit * 3)) == 7, "the chained future holds \"futures\".count, 7")
        let doubled = mapFuture(try pool.submit { try parse("x") }) { $0 * 2 }
        var rethrown = "nothing"
        do { _ = try doubled.result(timeout: unit * 3) } catch { rethrown = "\(error)" }
        cell.check(rethrown == "'x' is not a number", "an error passes through the chain unchanged (got: \(rethrown))")
    }
}

// ANCHOR: exercise-2
/// Exercise 2. The value of the first future to *succeed*, ignoring failures; if every
/// future fails, rethrow the last error. Use `Futures.asCompleted`.
func firstSuccess<T: Sendable>(_ futures: [Future<T>]) throws -> T {
    try futures[0].result()          // TODO: the first to succeed, not the first in the list
}
// ANCHOR_END: exercise-2

func exerciseFirstSuccess(_ cell: Cell) throws {
    try withThreadPool(workers: 3) { pool in
        let mirrors = [
            try pool.submit { () throws -> String in pause(units: 1); throw NotANumber(text: "mirror A is down") },
            try pool.submit { pause(units: 3); return "mirror B" },
            try pool.submit { pause(units: 2); return "mirror C" },
        ]
        let start = ContinuousClock.now
        let winner = try? firstSuccess(mirrors)
        let took = inUnits(ContinuousClock.now - start)
        cell.check(winner == "mirror C", "the first mirror to answer well was C (got \(winner ?? "an error"))")
        cell.check(took < 2.8, "and we did not wait for B: \(took) units")
    }
}

// ANCHOR: exercise-3
/// Exercise 3. Python's `executor.map(fn, inputs, timeout=...)`: like `pool.map`, but
/// throw `FutureError.timedOut` if all the results are not ready within `timeout` of the
/// call, and cancel the jobs not yet started. Hint: one deadline for the whole call, and
/// `result(timeout:)` with what is left of it.
func map<Input: Sendable, Output: Sendable>(on pool: ThreadPoolExecutor, _ inputs: [Input], timeout: Duration,
                                            _ transform: @escaping @Sendable (Input) throws -> Output) throws -> [Output] {
    try pool.map(inputs, transform)  // TODO: honour `timeout`
}
// ANCHOR_END: exercise-3

func exerciseMapTimeout(_ cell: Cell) {
    withThreadPool(workers: 2) { pool in
        let start = ContinuousClock.now
        var outcome = "no error"
        do {
            _ = try map(on: pool, [1, 1, 1, 1, 1, 1], timeout: unit * 2) { units in pause(units: Double(units)); return units }
        } catch {
            outcome = "\(error)"
        }
        let took = inUnits(ContinuousClock.now - start)
        cell.check(outcome == "\(FutureError.timedOut)", "six 1-unit jobs on two workers need 3 units: a 2-unit limit throws timedOut (got: \(outcome))")
        cell.check(took < 2.8, "it gave up at the limit, after \(took) units")
    }
}
