import Foundation
import Primitives

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-01 exercise N` (or `make exercise-01-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: sum the squares 1², 2², ..., 10² on ten threads, one square per thread,
// thread k named `square-k`. Return the ten results, collected with `join()`.
func squaresOnTenThreads() -> [Int] {
    // TODO: start ten JoinableThreads, then join them all.
    return []
}

// Exercise 2: a call counter per thread. `callsSoFar()` must return 1 the first time a
// thread calls it, 2 the second time, and so on, separately for each thread.
// Use `Thread.current.threadDictionary`.
func callsSoFar() -> Int {
    // TODO: keep the count in this thread's dictionary.
    return 0
}

// Exercise 3: how small can a thread's stack be? Start a JoinableThread with
// `stackSize: stackSize` and return, from inside it, `Thread.current.stackSize`. Then
// start `count` such threads at once, join them all and return how many you joined.
// How long did that take, next to the chapter's cost per thread?
func smallStackThreads(stackSize: Int, count: Int) -> (reportedStackSize: Int, joined: Int) {
    // TODO: the stack size one small-stack thread reports from inside, and the count joined.
    return (0, 0)
}

// Exercise 4: `countPrimes` with PosixThread instead of JoinableThread, for exactly two
// threads (a ~Copyable value cannot go into an Array: use two `let`s). `Primes.count(in:)`
// counts the primes in a range.
func countPrimesOnTwoPthreads(below limit: Int) throws -> Int {
    // TODO: two PosixThreads, each counting half of the numbers; join both.
    return 0
}
