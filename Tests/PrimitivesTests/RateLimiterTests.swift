import Testing
@testable import Primitives

struct RateLimiterTests {
    /// The bug this guards against: `try? await Task.sleep` in `waitForTurn` swallowed the
    /// cancellation, so a cancelled caller returned at once and started before its turn.
    @Test func aCancelledCallerNeverStarts() async throws {
        let limiter = RateLimiter(perSecond: 1)  // one start a second
        try await limiter.waitForTurn()  // takes the first slot
        let waiter = Task { () -> (slot: ContinuousClock.Instant, startedAt: ContinuousClock.Instant)? in
            guard let slot = try? await limiter.waitForTurn() else { return nil }  // its slot: 1 s after the first
            return (slot, ContinuousClock.now)
        }
        try await Task.sleep(for: .milliseconds(20))
        let cancelledAt = ContinuousClock.now
        waiter.cancel()
        let outcome = await waiter.value
        // nil: it was cancelled and did not start. A start is possible only if the cancel
        // came after the waiter's turn (a very slow machine), and never before its slot.
        if let outcome {
            #expect(cancelledAt >= outcome.slot, "cancelled \(outcome.slot - cancelledAt) before its turn, it started anyway")
            #expect(outcome.startedAt >= outcome.slot)
        }
    }

    /// Thirty callers, every third cancelled while it waits: each caller that does start,
    /// starts no earlier than its slot, and the slots stay one interval apart.
    @Test func startsKeepTheirSpacingWhenCallersAreCancelled() async throws {
        let interval = Duration.milliseconds(10)
        let limiter = RateLimiter(perSecond: 100)
        typealias Start = (slot: ContinuousClock.Instant, at: ContinuousClock.Instant)
        var waiters: [Task<Start?, Never>] = []
        for _ in 0..<30 {
            waiters.append(Task {
                guard let slot = try? await limiter.waitForTurn() else { return nil }
                return (slot, ContinuousClock.now)
            })
        }
        for (index, waiter) in waiters.enumerated() where index.isMultiple(of: 3) { waiter.cancel() }
        var starts: [Start] = []
        for waiter in waiters { if let start = await waiter.value { starts.append(start) } }
        #expect(starts.count >= 20, "only the cancelled callers may be missing (\(starts.count) started)")
        for start in starts {
            #expect(start.at >= start.slot, "a caller started \(start.slot - start.at) before its slot")
        }
        let slots = starts.map(\.slot).sorted()
        for (earlier, later) in zip(slots, slots.dropFirst()) {
            #expect(later - earlier >= interval, "two slots only \(later - earlier) apart")
        }
    }
}
