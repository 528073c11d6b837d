import Foundation
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

// ANCHOR: exercise-1-checks
func checkChain(_ cell: Cell, _ chain: @Sendable (Future<String>, @escaping @Sendable (String) throws -> Int) -> Future<Int>) throws {
    try withThreadPool(workers: 2) { pool in
        let length = chain(try pool.submit { pause(units: 1); return "futures" }) { $0.count }
        let value = try? length.result(timeout: unit * 3)
        cell.check(value == 7, "the chained future holds \"futures\".count, 7 (got \(value.map(String.init) ?? "nothing within 3 units"))")
        let doubled = chain(try pool.submit { () throws -> String in "\(try parse("x"))" }) { $0.count * 2 }
        var rethrown = "nothing"
        do { _ = try doubled.result(timeout: unit * 3) } catch { rethrown = "\(error)" }
        cell.check(rethrown == "'x' is not a number", "an error passes through the chain unchanged (got: \(rethrown))")
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkFirstSuccess(_ cell: Cell, _ first: @Sendable ([Future<String>]) throws -> String) throws {
    try withThreadPool(workers: 3) { pool in
        let mirrors = [
            try pool.submit { () throws -> String in pause(units: 1); throw NotANumber(text: "mirror A is down") },
            try pool.submit { pause(units: 3); return "mirror B" },
            try pool.submit { pause(units: 2); return "mirror C" },
        ]
        let start = ContinuousClock.now
        let winner = try? first(mirrors)
        let took = inUnits(ContinuousClock.now - start)
        cell.check(winner == "mirror C", "the first mirror to answer well was C (got \(winner ?? "an error"))")
        cell.check(took < 2.8, "and we did not wait for B: \(Format.number(took)) units")
        let allDown = [try pool.submit { () throws -> String in throw NotANumber(text: "mirror D is down") }]
        var rethrown = "nothing"
        do { _ = try first(allDown) } catch { rethrown = "\(error)" }
        cell.check(rethrown == "'mirror D is down' is not a number", "when every future fails, the last error is rethrown (got: \(rethrown))")
    }
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkMapTimeout(_ cell: Cell,
                     _ mapWithin: @Sendable (ThreadPoolExecutor, [Int], Duration, @escaping @Sendable (Int) throws -> Int) throws -> [Int]) {
    withThreadPool(workers: 2) { pool in
        let start = ContinuousClock.now
        var outcome = "no error"
        do {
            _ = try mapWithin(pool, [1, 1, 1, 1, 1, 1], unit * 2) { units in pause(units: Double(units)); return units }
        } catch {
            outcome = "\(error)"
        }
        let took = inUnits(ContinuousClock.now - start)
        cell.check(outcome == "\(FutureError.timedOut)", "six 1-unit jobs on two workers need 3 units: a 2-unit limit throws timedOut (got: \(outcome))")
        cell.check(took < 2.8, "it gave up at the limit, after \(Format.number(took)) units")
        let quick = try? mapWithin(pool, [1, 2, 3], unit * 2) { $0 * 10 }
        cell.check(quick == [10, 20, 30], "work that fits in the limit returns its results in input order (got \(quick.map { "\($0)" } ?? "an error"))")
    }
}
// ANCHOR_END: exercise-3-checks
