// ANCHOR: rate-limiter
/// Lets callers start at most `perSecond` times per second, evenly spaced: each caller gets
/// the next free start time and sleeps until then.
public actor RateLimiter {
    private let interval: Duration
    private var nextSlot = ContinuousClock.now

    public init(perSecond: Int) {
        precondition(perSecond > 0, "a rate limit needs at least one start per second")
        interval = .seconds(1) / perSecond
    }

    /// Returns at the caller's start time (which it also returns). Throws
    /// `CancellationError` if the caller is cancelled while it waits: a cancelled caller
    /// must not start early. (`try? await Task.sleep` would return at once instead, and the
    /// caller would start its job before its turn.) Its slot is not handed back, so the
    /// callers after it keep their spacing.
    @discardableResult
    public func waitForTurn() async throws -> ContinuousClock.Instant {
        let slot = max(nextSlot, .now)
        nextSlot = slot + interval  // reserve before awaiting (chapter 06: re-entrancy)
        try await Task.sleep(until: slot, clock: .continuous)
        return slot
    }
}
// ANCHOR_END: rate-limiter
