import Foundation

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-08 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// Each child returns its index with its square; the results go into their slots.
    static func squaresInInputOrder(_ numbers: [Int]) async -> [Int] {
        await withTaskGroup(of: (Int, Int).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(10 * (numbers.count - number)))
                    return (index, number * number)
                }
            }
            var squares = Array(repeating: 0, count: numbers.count)
            for await (index, square) in group { squares[index] = square }
            return squares
        }
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// The children return their failure instead of throwing it, so no error ends the
    /// group early and nothing is cancelled.
    static func runChecks(_ names: [String]) async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for name in names {
                group.addTask {
                    do {
                        try await Task.sleep(for: .milliseconds(name.count * 5))
                        if name.hasPrefix("bad") { throw CheckFailed(name: name) }
                        return nil
                    } catch let failure as CheckFailed {
                        return failure.name
                    } catch {
                        return "unexpected: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { failures, failure in
                if let failure { failures.append(failure) }
            }
        }
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    static func runJobs(count: Int, limit: Int, job: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var started = 0
            while started < min(limit, count) {
                group.addTask { await job() }
                started += 1
            }
            // Each time a child finishes, one more starts: never more than `limit` at once.
            while await group.next() != nil, started < count {
                group.addTask { await job() }
                started += 1
            }
        }
    }
    // ANCHOR_END: solution-3

    // ANCHOR: solution-4
    static func quorumRead(_ replicas: [(replica: Int, milliseconds: Int)], cancelled: SharedList<Int>) async -> [Int] {
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
            while answers.count < 2, let answer = await group.next() {
                if let answer { answers.append(answer) }
            }
            // The group would wait for the slow replica at its end: cancel it instead, and
            // the group's end waits only for it to notice.
            group.cancelAll()
            return answers
        }
    }
    // ANCHOR_END: solution-4
}
