import Foundation
import Notebook

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

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

// ANCHOR: exercise-1-checks
func checkInputOrder(_ cell: Cell, _ squares: @escaping @Sendable ([Int]) async -> [Int]) throws {
    try runToCompletion {
        let start = ContinuousClock.now
        let result = await squares([1, 2, 3, 4, 5, 6])
        let elapsed = secondsSince(start)
        print("squares: \(result) in \(Format.duration(elapsed)) (one after another: at least 210 ms)")
        cell.check(result == [1, 4, 9, 16, 25, 36], "squares in input order (got \(result))")
        cell.check(elapsed < 0.2, "still computed at once: \(Format.duration(elapsed)) < 0.2 s")
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkEveryError(_ cell: Cell, _ run: @escaping @Sendable ([String]) async -> [String]) throws {
    try runToCompletion {
        let failures = await run(["disk", "bad-memory", "network", "bad-clock", "bad-fan"])
        print("failed checks: \(failures.sorted())")
        cell.check(failures.sorted() == ["bad-clock", "bad-fan", "bad-memory"], "all three failures reported (got \(failures.sorted()))")
        let none = await run(["disk", "network"])
        cell.check(none.isEmpty, "no failure when every check passes (got \(none))")
    }
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkWindowByHand(_ cell: Cell, _ run: @escaping @Sendable (Int, Int, @escaping @Sendable () async -> Void) async -> Void) throws {
    try runToCompletion {
        let gauge = RunningGauge()
        let finished = SharedList<Int>()
        let start = ContinuousClock.now
        await run(12, 3) {
            let slot = gauge.enter()
            try? await Task.sleep(for: .milliseconds(30))
            gauge.leave(slot: slot)
            finished.append(slot)
        }
        let elapsed = secondsSince(start)
        print("at most \(gauge.peak) at once; \(Format.duration(elapsed)) (ideal 4 rounds × 30 ms = 120 ms)")
        cell.check(finished.count == 12, "all twelve jobs ran (\(finished.count) did)")
        cell.check(gauge.peak <= 3, "at most 3 jobs at once (was \(gauge.peak))")
        cell.check(elapsed >= 0.12, "four rounds of 30 ms take at least 0.12 s (\(Format.duration(elapsed)))")
    }
}
// ANCHOR_END: exercise-3-checks

// ANCHOR: exercise-4-checks
func checkQuorum(_ cell: Cell, _ read: @escaping @Sendable ([(replica: Int, milliseconds: Int)], SharedList<Int>) async -> [Int]) throws {
    try runToCompletion {
        let cancelled = SharedList<Int>()
        let start = ContinuousClock.now
        let answers = await read([(1, 30), (2, 60), (3, 400)], cancelled)
        let elapsed = secondsSince(start)
        print("answers \(answers.sorted()) after \(Format.duration(elapsed)); cancelled: \(cancelled.all)")
        cell.check(answers.sorted() == [1, 2], "the two fast replicas answered (got \(answers.sorted()))")
        cell.check(cancelled.all == [3], "the slow replica was cancelled (cancelled: \(cancelled.all))")
        cell.check(elapsed < 0.3, "returned after \(Format.duration(elapsed)), without waiting for the 400 ms replica")
    }
}
// ANCHOR_END: exercise-4-checks
