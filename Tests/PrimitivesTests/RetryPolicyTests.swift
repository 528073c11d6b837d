import Testing
@testable import Primitives

struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(100))
        #expect((2...6).map { policy.backoff(beforeAttempt: $0) }
                == [20, 40, 80, 100, 100].map { Duration.milliseconds($0) })
    }

    @Test func retriesOnlyRetryableStatusesWhileAttemptsRemain() {
        let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1))
        #expect(policy.shouldRetry(status: 503, after: 1))
        #expect(policy.shouldRetry(status: 503, after: 2))
        #expect(!policy.shouldRetry(status: 503, after: 3))
        #expect(!policy.shouldRetry(status: 404, after: 1))
        #expect(!policy.shouldRetryTimeout(after: 1))
        #expect(RetryPolicy(maxAttempts: 2, initialBackoff: .zero, retriesTimeouts: true).shouldRetryTimeout(after: 1))
        #expect(!RetryPolicy.never.shouldRetry(status: 503, after: 1))
    }
}
