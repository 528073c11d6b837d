import Foundation
import Notebook
import Primitives

/// Exercises are synchronous functions (the notebook runs them directly); this runs an
/// async body to completion on the task pool and waits for it.
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = SharedList<String>()
    Task.detached {
        do { try await body() } catch { failure.append("\(error)") }
        done.signal()
    }
    done.wait()
    if let message = failure.all.first { throw ExerciseFailed(message: message) }
}

struct ExerciseFailed: Error { let message: String }

// ANCHOR: exercise-1
/// Exercise 1: six children compute squares, finishing in reverse order. Return the
/// squares in input order (1, 4, 9, ...), still computing them concurrently.
func squaresInInputOrder(_ numbers: [Int]) async -> [Int] {
    await withTaskGroup(of: Int.self) { group in
        for number in numbers {
            group.addTask {
                try? await Task.sleep(for: .milliseconds(10 * (numbers.count - number)))
                return number * number
            }
        }
        var squares: [Int] = []
        for await square in group { squares.append(square) }  // TODO: keep the input order
        return squares
    }
}

func exerciseInputOrder(_ cell: Cell) throws {
    try runToCompletion {
        let squares = await squaresInInputOrder([1, 2, 3, 4, 5, 6])
        print("squares: \(squares)")
        cell.check(squares == [1, 4, 9, 16, 25, 36], "squares in input order (got \(squares))")
    }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: three of five checks fail. `runChecks` reports only the first failure.
/// Make it return every failure's name, in any order, without cancelling the checks.
struct CheckFailed: Error { let name: String }

func runChecks(_ names: [String]) async -> [String] {
    do {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for name in names {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(name.count * 5))
                    if name.hasPrefix("bad") { throw CheckFailed(name: name) }
                }
            }
            try await group.waitForAll()  // TODO: keep every error, not just the first
        }
        return []
    } catch let failure as CheckFailed {
        return [failure.name]
    } catch {
        return ["unexpected: \(error)"]
    }
}

func exerciseEveryError(_ cell: Cell) throws {
    try runToCompletion {
        let failures = await runChecks(["disk", "bad-memory", "network", "bad-clock", "bad-fan"])
        print("failed checks: \(failures.sorted())")
        cell.check(failures.sorted() == ["bad-clock", "bad-fan", "bad-memory"], "all three failures reported")
    }
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: twelve jobs of 30 ms each. Write the sliding window by hand: start at most
/// `limit` children, then one more each time one finishes (no semaphore, no library call).
func runJobs(count: Int, limit: Int, gauge: RunningGauge) async {
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<count {  // TODO: start only `limit` here, then one per `group.next()`
            group.addTask {
                let slot = gauge.enter()
                try? await Task.sleep(for: .milliseconds(30))
                gauge.leave(slot: slot)
            }
        }
    }
}

func exerciseWindowByHand(_ cell: Cell) throws {
    try runToCompletion {
        let gauge = RunningGauge()
        let start = ContinuousClock.now
        await runJobs(count: 12, limit: 3, gauge: gauge)
        let elapsed = secondsSince(start)
        print("at most \(gauge.peak) at once; \(Format.duration(elapsed)) (ideal 4 rounds x 30 ms = 120 ms)")
        cell.check(gauge.peak <= 3, "at most 3 jobs at once (was \(gauge.peak))")
        cell.check(elapsed >= 0.12, "four rounds of 30 ms take at least 0.12 s")
    }
}
// ANCHOR_END: exercise-3

// ANCHOR: exercise-4
/// Exercise 4: a quorum read. Three replicas answer after 30, 60 and 400 ms. Return as
/// soon as two have answered, and cancel the third.
func quorumRead(cancelled: SharedList<Int>) async -> [Int] {
    await withTaskGroup(of: Int?.self) { group in
        for (replica, milliseconds) in [(1, 30), (2, 60), (3, 400)] {
            group.addTask {
                do { try await Task.sleep(for: .milliseconds(milliseconds)) } catch {
                    cancelled.append(replica)
                    return nil
                }
                return replica
            }
        }
        var answers: [Int] = []
        for await answer in group { if let answer { answers.append(answer) } }  // TODO: stop at two
        return answers
    }
}

func exerciseQuorum(_ cell: Cell) throws {
    try runToCompletion {
        let cancelled = SharedList<Int>()
        let start = ContinuousClock.now
        let answers = await quorumRead(cancelled: cancelled)
        let elapsed = secondsSince(start)
        print("answers \(answers.sorted()) after \(Format.duration(elapsed)); cancelled: \(cancelled.all)")
        cell.check(answers.count == 2, "two answers (got \(answers.count))")
        cell.check(cancelled.all == [3], "the slow replica was cancelled")
        cell.check(elapsed < 0.3, "returned after \(elapsed) s, without waiting for the 400 ms replica")
    }
}
// ANCHOR_END: exercise-4
