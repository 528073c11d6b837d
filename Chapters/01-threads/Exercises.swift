import Foundation
import Notebook
import Primitives

// Run one with `swift run chapter-01 exercise N`. Each starts with its checks failing;
// make them pass.

/// Exercise 1: sum the squares 1², 2², ..., 10² on ten threads, one square per thread,
/// each thread named `square-N`. Collect the results with `join()`.
func exerciseSquares(_ cell: Cell) {
    // TODO: start ten JoinableThreads, then join them all: `squares` holds their results.
    let squares: [Int] = []
    let total = squares.reduce(0, +)
    print("sum of squares: \(total)")
    cell.check(squares.count == 10, "ten results, one per thread (got \(squares.count))")
    cell.check(total == 385, "1² + 2² + ... + 10² = 385 (got \(total))")
}

/// Exercise 2: a call counter per thread. `callsSoFar()` must return 1 the first time
/// a thread calls it, 2 the second time, and so on, separately for each thread.
/// Use `Thread.current.threadDictionary`.
func callsSoFar() -> Int {
    // TODO: keep the count in this thread's dictionary.
    return 0
}

func exerciseCallCounter(_ cell: Cell) {
    let threads = (1...3).map { i in
        JoinableThread(name: "caller-\(i)") { (1...5).map { _ in callsSoFar() } }
    }
    let seen = threads.map { $0.join() }
    print(seen)
    cell.check(seen.allSatisfy { $0 == [1, 2, 3, 4, 5] }, "every thread counted its own calls 1...5")
}

/// Exercise 3: how small can a thread's stack be? Start a JoinableThread with
/// `stackSize: 64 * 1024`, and from inside it return `Thread.current.stackSize`.
/// Then start 1,000 such threads at once and join them all. How long did that take,
/// next to the chapter's cost per thread?
func exerciseSmallStacks(_ cell: Cell) {
    let reported = 0  // TODO: the stack size one small-stack thread reports from inside
    let joined = 0    // TODO: start 1,000 small-stack threads, join them, count them
    print("stack size inside: \(reported) bytes, threads joined: \(joined)")
    cell.check(reported == 64 * 1024, "the thread reports a 64 KiB stack (got \(reported))")
    cell.check(joined == 1_000, "1,000 threads started and joined (got \(joined))")
}

/// Exercise 4: `countPrimes` with PosixThread instead of JoinableThread, for exactly
/// two threads (a ~Copyable value cannot go into an Array: use two `let`s).
func countPrimesOnTwoPthreads(below limit: Int) throws -> Int {
    // TODO: two PosixThreads, each counting half of the blocks; join both.
    return 0
}

func exerciseTwoPthreads(_ cell: Cell) throws {
    let expected = countPrimes(below: 100_000, threads: 1)
    let found = try countPrimesOnTwoPthreads(below: 100_000)
    cell.check(found == expected, "two pthreads found the \(expected) primes below 100,000 (got \(found))")
}
