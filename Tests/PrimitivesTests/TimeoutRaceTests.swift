import Testing
@testable import Primitives

/// `withTimeout` around a whole task group: the timer's win cancels every child, and the
/// call returns only once all of them have ended (structured concurrency).
struct TimeoutRaceTests {
    @Test func aTimeoutCancelsEveryChildOfAGroupAndWaitsForThem() async {
        let ended = SharedLog<Int>()
        let start = ContinuousClock.now
        await #expect(throws: OperationTimedOut.self) {
            try await withTimeout(.milliseconds(50)) {
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<100 {
                        group.addTask {
                            try? await Task.sleep(for: .seconds(120))
                            ended.append(index)
                        }
                    }
                }
            }
        }
        // Far below the children's 120 s: they were cancelled. Wide, because a loaded
        // machine (or ThreadSanitizer) can keep the timer waiting for a thread.
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(ended.count == 100)  // every child had ended when withTimeout returned
    }

    @Test func firstCompletedWinsAndTheOthersAreCancelled() async throws {
        let cancelled = SharedLog<Int>()
        let winner = await withTaskGroup(of: Int.self) { group in
            for index in 0..<10 {
                group.addTask {
                    do { try await Task.sleep(for: index == 3 ? .milliseconds(5) : .seconds(10)) } catch {
                        cancelled.append(index)
                    }
                    return index
                }
            }
            let first = await group.next()
            group.cancelAll()
            return first
        }
        #expect(winner == 3)
        #expect(cancelled.all.sorted() == [0, 1, 2, 4, 5, 6, 7, 8, 9])
    }
}
