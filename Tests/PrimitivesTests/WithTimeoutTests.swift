import Testing
@testable import Primitives

struct WithTimeoutTests {
    @Test func returnsTheResultWhenInTime() async throws {
        let value = try await withTimeout(.seconds(5)) {
            try await Task.sleep(for: .milliseconds(10))
            return 42
        }
        #expect(value == 42)
    }

    @Test func throwsAndCancelsTheOperationWhenLate() async throws {
        let start = ContinuousClock.now
        await #expect(throws: OperationTimedOut(limit: .milliseconds(50))) {
            try await withTimeout(.milliseconds(50)) {
                try await Task.sleep(for: .seconds(60))  // throws CancellationError when cancelled
                return 0
            }
        }
        // Far below the operation's 60 s: it was cancelled. The margin is wide because a
        // loaded machine (or ThreadSanitizer) can keep the timeout task waiting for a thread.
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func passesTheOperationsErrorThrough() async throws {
        struct Boom: Error, Equatable {}
        await #expect(throws: Boom()) {
            try await withTimeout(.seconds(5)) { () async throws -> Int in throw Boom() }
        }
    }
}
