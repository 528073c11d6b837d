import Foundation
import Primitives

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-01 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// Start all ten first, then join: joining each right after starting it would run
    /// the threads one at a time.
    static func squaresOnTenThreads() -> [Int] {
        let threads = (1...10).map { k in JoinableThread(name: "square-\(k)") { k * k } }
        return threads.map { $0.join() }
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// Each thread has its own dictionary, so each counts only its own calls.
    static func callsSoFar() -> Int {
        let dictionary = Thread.current.threadDictionary
        let calls = (dictionary["callsSoFar"] as? Int ?? 0) + 1
        dictionary["callsSoFar"] = calls
        return calls
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    static func smallStackThreads(stackSize: Int, count: Int) -> (reportedStackSize: Int, joined: Int) {
        let reported = JoinableThread(name: "small-stack", stackSize: stackSize) { Thread.current.stackSize }.join()
        let threads = (0..<count).map { i in JoinableThread(name: "small-\(i)", stackSize: stackSize) { 1 } }
        return (reported, threads.map { $0.join() }.reduce(0, +))
    }
    // ANCHOR_END: solution-3

    // ANCHOR: solution-4
    /// Two `let`s, because a `~Copyable` PosixThread cannot be put in an Array; `join()`
    /// consumes each one.
    static func countPrimesOnTwoPthreads(below limit: Int) throws -> Int {
        let middle = limit / 2
        let lower = try PosixThread { Primes.count(in: 0..<middle) }
        let upper = try PosixThread { Primes.count(in: middle..<limit) }
        return lower.join() + upper.join()
    }
    // ANCHOR_END: solution-4
}
