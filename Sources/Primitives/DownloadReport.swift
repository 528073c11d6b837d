/// What a `Downloader` did: every request's outcome and every step it took (attempts and
/// the waits between them), with their times, so a caller can print a summary, check it
/// against what the server saw, and draw a timeline.
public struct DownloadReport: Sendable {
    /// How a request ended.
    public enum Outcome: Sendable, Equatable {
        /// A 2xx answer, possibly after retries.
        case succeeded(status: Int)
        /// A non-2xx answer that was not retried, or the last one when the retries ran out.
        case failed(status: Int)
        /// The last attempt ran out of time.
        case timedOut
        /// The fetch threw something other than a timeout or a cancellation.
        case error(String)
        /// The download was cancelled before this request finished (or before it began).
        case cancelled
    }

    /// How one attempt ended.
    public enum AttemptResult: Sendable, Equatable {
        case status(Int)
        case timedOut
        case cancelled
        case error(String)
    }

    /// One step of a request's life.
    public enum StepKind: Sendable, Equatable {
        /// Attempt number `number` (1 for the first) and how it ended.
        case attempt(number: Int, result: AttemptResult)
        /// The backoff wait before the next attempt.
        case backoff
    }

    public struct Step: Sendable {
        public let kind: StepKind
        public let start: ContinuousClock.Instant
        public let end: ContinuousClock.Instant
    }

    public struct Request: Sendable {
        public let path: String
        public let outcome: Outcome
        public let steps: [Step]

        /// Attempts made (0 if the download was cancelled before this request began).
        public var attempts: Int {
            steps.count { if case .attempt = $0.kind { true } else { false } }
        }

        /// Attempts after the first.
        public var retries: Int { max(0, attempts - 1) }
    }

    /// One entry per requested path, in the order they were given.
    public let requests: [Request]
    public let start: ContinuousClock.Instant
    public let end: ContinuousClock.Instant
    /// Whether the task running the download was cancelled before it returned.
    public let wasCancelled: Bool

    public init(requests: [Request], start: ContinuousClock.Instant, end: ContinuousClock.Instant, wasCancelled: Bool) {
        self.requests = requests
        self.start = start
        self.end = end
        self.wasCancelled = wasCancelled
    }

    public var elapsed: Duration { end - start }

    public var succeeded: Int { requests.count { if case .succeeded = $0.outcome { true } else { false } } }
    public var failed: Int { requests.count { if case .failed = $0.outcome { true } else { false } } }
    public var timedOut: Int { requests.count { $0.outcome == .timedOut } }
    public var errors: Int { requests.count { if case .error = $0.outcome { true } else { false } } }
    public var cancelled: Int { requests.count { $0.outcome == .cancelled } }
    public var attempts: Int { requests.reduce(0) { $0 + $1.attempts } }
    public var retries: Int { requests.reduce(0) { $0 + $1.retries } }

    /// Attempts that ended with `result`, across all requests.
    public func attempts(endingWith result: AttemptResult) -> Int {
        requests.reduce(0) { total, request in
            total + request.steps.count { step in
                if case .attempt(_, let ended) = step.kind { ended == result } else { false }
            }
        }
    }

    /// The most requests that were active (in an attempt or waiting to retry) at the same
    /// instant, computed from the recorded times: what the concurrency limit bounds.
    public var peakActiveRequests: Int {
        var events: [(ContinuousClock.Instant, Int)] = []
        for request in requests {
            guard let first = request.steps.first, let last = request.steps.last else { continue }
            events.append((first.start, +1))
            events.append((last.end, -1))
        }
        // At equal instants, an end comes before a start: touching spans do not overlap.
        events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var active = 0, peak = 0
        for (_, change) in events {
            active += change
            peak = max(peak, active)
        }
        return peak
    }
}
