import Foundation

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-08 exercise N` (or `make exercise-08-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: the children compute squares and finish in reverse order. Return the
// squares in input order (1, 4, 9, ...), still computing them concurrently.
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

// Exercise 2: some of the checks fail. `runChecks` reports only the first failure.
// Make it return every failure's name, in any order, without cancelling the checks.
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

// Exercise 3: `count` jobs of 30 ms each. Write the sliding window by hand: start at
// most `limit` children, then one more each time one finishes (no semaphore, no
// library call).
func runJobs(count: Int, limit: Int, job: @escaping @Sendable () async -> Void) async {
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<count {  // TODO: start only `limit` here, then one per `group.next()`
            group.addTask { await job() }
        }
    }
}

// Exercise 4: a quorum read. `replicas` lists each replica's number and how long it
// takes to answer. Return the first two answers as soon as they have arrived, and cancel
// the rest. A replica that is cancelled records its number in `cancelled`.
func quorumRead(_ replicas: [(replica: Int, milliseconds: Int)], cancelled: SharedList<Int>) async -> [Int] {
    await withTaskGroup(of: Int?.self) { group in
        for (replica, milliseconds) in replicas {
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
