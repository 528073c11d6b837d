/// Downloads a list of paths with a concurrency limit, a time limit per attempt, and
/// retries with exponential backoff; it returns a `DownloadReport` of everything it did.
///
///     let downloader = Downloader(maxConcurrent: 4, timeout: .milliseconds(200),
///                                 retry: RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(20)))
///     let report = await downloader.download(paths) { path in try await client.getAbandoningOnCancel(path).status }
///
/// It is assembled from the book's parts: `mapConcurrently(maxConcurrent:)` (a sliding
/// window over a task group) bounds the requests in progress, `withTimeout` races each
/// attempt against a timer, and `RetryPolicy` decides what happens after a failure. The
/// transport is a parameter (`fetch` returns the HTTP status), so the same downloader
/// works with any client, and tests can script the server.
///
/// Cancelling the task that called `download` stops it: the children waiting for requests
/// in flight are cancelled (what becomes of the HTTP exchange itself is up to `fetch`;
/// see `download`),
/// requests not yet started are not started, and the report, returned normally, says
/// which requests were cancelled. No child task outlives the call.
public struct Downloader: Sendable {
    /// Requests in progress at once (attempts and backoff waits both count).
    public var maxConcurrent: Int
    /// The time limit of each attempt.
    public var timeout: Duration
    public var retry: RetryPolicy

    public init(maxConcurrent: Int, timeout: Duration, retry: RetryPolicy) {
        precondition(maxConcurrent > 0, "at least one request must be allowed at a time")
        self.maxConcurrent = maxConcurrent
        self.timeout = timeout
        self.retry = retry
    }

    // ANCHOR: download
    /// Downloads every path, at most `maxConcurrent` at a time. `fetch` performs one GET and
    /// returns the HTTP status. It must stop waiting when its task is cancelled (a timeout
    /// or the caller's cancel), and must do so safely: plain `URLSession` requests on Linux
    /// with Swift 6.3.1 are not safe to cancel (swift-corelibs-foundation issue #5412), so
    /// the book passes `LoopbackClient.getAbandoningOnCancel`, which stops waiting and
    /// leaves the exchange to end by itself.
    public func download(_ paths: [String],
                         fetch: @escaping @Sendable (String) async throws -> Int) async -> DownloadReport {
        let start = ContinuousClock.now
        let requests = await paths.mapConcurrently(maxConcurrent: maxConcurrent) { path in
            await request(path, fetch: fetch)
        }
        return DownloadReport(requests: requests, start: start, end: .now, wasCancelled: Task.isCancelled)
    }
    // ANCHOR_END: download

    // ANCHOR: request
    /// One request's life: attempts, and backoff waits between them, until an answer that
    /// is final, the retries run out, or the download is cancelled.
    func request(_ path: String, fetch: @escaping @Sendable (String) async throws -> Int) async -> DownloadReport.Request {
        var steps: [DownloadReport.Step] = []
        func finish(_ outcome: DownloadReport.Outcome) -> DownloadReport.Request {
            DownloadReport.Request(path: path, outcome: outcome, steps: steps)
        }
        var attempt = 1
        while true {
            if attempt > 1 {
                let waitStart = ContinuousClock.now
                let waited: Void? = try? await Task.sleep(for: retry.backoff(beforeAttempt: attempt))
                steps.append(.init(kind: .backoff, start: waitStart, end: .now))
                if waited == nil { return finish(.cancelled) }  // Task.sleep throws only when cancelled
            }
            if Task.isCancelled { return finish(.cancelled) }
            let attemptStart = ContinuousClock.now
            let result = await self.attempt(path, fetch: fetch)
            steps.append(.init(kind: .attempt(number: attempt, result: result), start: attemptStart, end: .now))
            switch result {
            case .status(let status) where (200..<300).contains(status): return finish(.succeeded(status: status))
            case .status(let status) where retry.shouldRetry(status: status, after: attempt): attempt += 1
            case .status(let status): return finish(.failed(status: status))
            case .timedOut where retry.shouldRetryTimeout(after: attempt): attempt += 1
            case .timedOut: return finish(.timedOut)
            case .cancelled: return finish(.cancelled)
            case .error(let description): return finish(.error(description))
            }
        }
    }

    /// One attempt, raced against the timeout.
    func attempt(_ path: String, fetch: @escaping @Sendable (String) async throws -> Int) async -> DownloadReport.AttemptResult {
        do {
            return .status(try await withTimeout(timeout) { try await fetch(path) })
        } catch {
            // Cancellation first: when the download is cancelled, the race may end with
            // the client's own error (URLError.cancelled) rather than CancellationError.
            if Task.isCancelled { return .cancelled }
            if error is OperationTimedOut { return .timedOut }
            return .error("\(error)")
        }
    }
    // ANCHOR_END: request
}
