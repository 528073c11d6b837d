/// When to try a failed request again, and how long to wait first: exponential backoff.
///
///     RetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(20))
///     // waits 20 ms before attempt 2, 40 ms before attempt 3, 80 ms before attempt 4
///
/// Waiting longer after each failure gives an overloaded server room to recover, where
/// retrying at once would add to its load. Real clients also add random jitter so that many
/// clients that failed together do not retry together; this policy has none, so the
/// book's timelines are the same on every run.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first one included (1 means: never retry).
    public var maxAttempts: Int
    /// The wait before the second attempt.
    public var initialBackoff: Duration
    /// Each further wait is this many times the previous one.
    public var multiplier: Double
    /// No wait is longer than this.
    public var maxBackoff: Duration
    /// HTTP statuses that mean "try again later" (a server error, not a bad request).
    public var retryableStatuses: Set<Int>
    /// Whether an attempt that ran out of time is tried again.
    public var retriesTimeouts: Bool

    public init(maxAttempts: Int, initialBackoff: Duration, multiplier: Double = 2,
                maxBackoff: Duration = .seconds(10), retryableStatuses: Set<Int> = [500, 502, 503, 504],
                retriesTimeouts: Bool = false) {
        precondition(maxAttempts >= 1, "a request is attempted at least once")
        precondition(multiplier >= 1, "backoff must not shrink")
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
        self.retryableStatuses = retryableStatuses
        self.retriesTimeouts = retriesTimeouts
    }

    /// One attempt, no retry.
    public static let never = RetryPolicy(maxAttempts: 1, initialBackoff: .zero)

    // ANCHOR: backoff
    /// The wait before attempt `attempt` (2, 3, ...): `initialBackoff × multiplier^(attempt - 2)`,
    /// at most `maxBackoff`.
    public func backoff(beforeAttempt attempt: Int) -> Duration {
        precondition(attempt >= 2, "there is no wait before the first attempt")
        var wait = initialBackoff
        for _ in 0..<(attempt - 2) where wait < maxBackoff { wait = wait * multiplier }
        return min(wait, maxBackoff)
    }
    // ANCHOR_END: backoff

    /// Whether an answer with `status` on attempt `attempt` should be followed by another.
    public func shouldRetry(status: Int, after attempt: Int) -> Bool {
        attempt < maxAttempts && retryableStatuses.contains(status)
    }

    /// Whether a timed-out attempt `attempt` should be followed by another.
    public func shouldRetryTimeout(after attempt: Int) -> Bool {
        attempt < maxAttempts && retriesTimeouts
    }
}
