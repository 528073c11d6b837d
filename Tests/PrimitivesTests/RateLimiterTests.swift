import Testing
@testable import Primitives

struct RateLimiterTests {
    /// The bug this guards against: `try? await Task.sleep` in `waitForTurn` swallowed the
    /// cancellation, so a cancelled caller returned at once and started before its turn.
    @Test func aCancelledCallerNeverStarts() async throws {
        let limiter = RateLimiter(perSecond: 5)  // one start every 200 ms
        try await limiter.waitForTurn()          // takes the first slot, now
        let origin = ContinuousClock.now
        let waiter = Task { () -> Duration? in
            do {
                try await limiter.waitForTurn()  // its slot is 200 ms away
                return ContinuousClock.now - origin
            } catch {
                #expect(error is CancellationError)
                return nil
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        let startedAfter = await waiter.value
        #expect(startedAfter == nil, "a cancelled caller started after \(String(describing: startedAfter))")
        #expect(ContinuousClock.now - origin < .milliseconds(190), "the cancelled caller was not woken at once")
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
