import Foundation
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

// ANCHOR: exercise-1-checks
func checkTenSquares(_ cell: Cell, _ squares: @Sendable () -> [Int]) {
    let results = squares()
    let total = results.reduce(0, +)
    print("results: \(results), sum \(total)")
    cell.check(results.count == 10, "ten results, one per thread (got \(results.count))")
    cell.check(total == 385, "1² + 2² + ... + 10² = 385 (got \(total))")
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkCallCounter(_ cell: Cell, _ calls: @escaping @Sendable () -> Int) {
    let threads = (1...3).map { i in
        JoinableThread(name: "caller-\(i)") { (1...5).map { _ in calls() } }
    }
    let seen = threads.map { $0.join() }
    print(seen)
    cell.check(seen.allSatisfy { $0 == [1, 2, 3, 4, 5] }, "every thread counted its own calls 1...5 (got \(seen))")
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkSmallStacks(_ cell: Cell, _ start: @Sendable (Int, Int) -> (reportedStackSize: Int, joined: Int)) {
    let began = ContinuousClock.now
    let (reported, joined) = start(64 * 1024, 1_000)
    let took = (ContinuousClock.now - began).seconds
    print("stack size inside: \(reported) bytes; threads joined: \(joined) in \(Format.duration(took))")
    cell.check(reported == 64 * 1024, "the thread reports a 64 KiB stack (got \(reported))")
    cell.check(joined == 1_000, "1,000 threads started and joined (got \(joined))")
}
// ANCHOR_END: exercise-3-checks

// ANCHOR: exercise-4-checks
func checkTwoPthreads(_ cell: Cell, _ count: @Sendable (Int) throws -> Int) throws {
    let expected = countPrimes(below: 100_000, threads: 1)
    let found = try count(100_000)
    cell.check(found == expected, "two pthreads found the \(expected) primes below 100,000 (got \(found))")
}
// ANCHOR_END: exercise-4-checks
