import Foundation
import Testing
import Loopback
import Primitives

/// Nested in the loopback server's suite, which is serialized (recursively): these tests
/// open sockets, and the server's shutdown test counts the process's sockets, so they
/// must not run beside it.
extension LoopbackServerTests {
    /// The downloader against a real loopback server, started in each test and stopped after.
    /// It lives in Primitives (it is assembled from the window, the timeout and the retry
    /// policy); its transport is a closure, here `LoopbackClient.getAbandoningOnCancel`.
    @Suite struct DownloaderTests {
        /// Runs `body` with a started server and a client allowing more connections than any
        /// downloader here asks for, so the downloader's own limit is what the server sees.
        func withServer<T>(_ body: (LoopbackServer, @escaping @Sendable (String) async throws -> Int) async throws -> T) async throws -> T {
            try await withLoopbackServer { server in
                let client = LoopbackClient(server: server, maximumConnections: 64)
                defer { client.finishAndInvalidate() }
                return try await body(server) { path in try await client.getAbandoningOnCancel(path).status }
            }
        }

        let retryThrice = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(20))

        @Test func retriesAFlakyRequestUntilItSucceeds() async throws {
            try await withServer { server, fetch in
                let downloader = Downloader(maxConcurrent: 2, timeout: .seconds(5), retry: retryThrice)
                let report = await downloader.download(["/flaky/a?fail_first=2"], fetch: fetch)
                let request = try #require(report.requests.first)
                #expect(request.outcome == .succeeded(status: 200))
                #expect(request.attempts == 3 && report.retries == 2)
                #expect(report.attempts(endingWith: .status(503)) == 2)
                #expect(server.statistics.requests == 3)
                // Two backoff waits, 20 ms then 40 ms, between the attempts.
                let waits = request.steps.filter { $0.kind == .backoff }.map { $0.end - $0.start }
                #expect(waits.count == 2)
                #expect(waits[0] >= .milliseconds(20) && waits[1] >= .milliseconds(40))
            }
        }

        @Test func givesUpWhenTheRetriesRunOut() async throws {
            try await withServer { server, fetch in
                let downloader = Downloader(maxConcurrent: 2, timeout: .seconds(5), retry: retryThrice)
                let report = await downloader.download(["/flaky/b?fail_first=5", "/nothing/here"], fetch: fetch)
                #expect(report.requests[0].outcome == .failed(status: 503))
                #expect(report.requests[0].attempts == 3)
                #expect(report.requests[1].outcome == .failed(status: 404))
                #expect(report.requests[1].attempts == 1)  // 404 is not worth another try
                #expect(server.statistics.requests == 4)
            }
        }

        @Test func aSlowRequestTimesOut() async throws {
            try await withServer { server, fetch in
                let once = Downloader(maxConcurrent: 2, timeout: .milliseconds(100), retry: retryThrice)
                let start = ContinuousClock.now
                let report = await once.download(["/slow/1", "/page/1"], fetch: fetch)
                #expect(ContinuousClock.now - start < .seconds(3))
                #expect(report.requests[0].outcome == .timedOut && report.requests[0].attempts == 1)
                #expect(report.requests[1].outcome == .succeeded(status: 200))

                var retrying = retryThrice
                retrying.retriesTimeouts = true
                let again = Downloader(maxConcurrent: 2, timeout: .milliseconds(50), retry: retrying)
                let retried = await again.download(["/slow/2"], fetch: fetch)
                #expect(retried.requests[0].outcome == .timedOut)
                #expect(retried.attempts(endingWith: .timedOut) == 3)
            }
        }

        @Test func theServerNeverSeesMoreThanTheLimit() async throws {
            try await withServer { server, fetch in
                let downloader = Downloader(maxConcurrent: 4, timeout: .seconds(5), retry: retryThrice)
                let paths = (1...40).map { "/page/\($0)?delay_ms=20" } + (1...8).map { "/flaky/k\($0)?fail_first=1&delay_ms=20" }
                let report = await downloader.download(paths, fetch: fetch)
                #expect(report.succeeded == paths.count)
                #expect(report.retries == 8)
                #expect(report.peakActiveRequests <= 4)
                #expect(server.statistics.maxInFlight <= 4)
                #expect(server.statistics.requests == report.attempts)
                #expect(report.requests.map(\.path) == paths)  // input order
            }
        }

        @Test func cancellingTheDownloadStopsItPartway() async throws {
            try await withServer { server, fetch in
                let downloader = Downloader(maxConcurrent: 2, timeout: .seconds(5), retry: retryThrice)
                let paths = (1...20).map { "/page/\($0)?delay_ms=100" }
                let download = Task { await downloader.download(paths, fetch: fetch) }
                // Cancel once a page has come back: two go at a time, so a third request
                // reaches the server only after one of the first two has been answered. (A
                // fixed 250 ms raced the slowness of a ThreadSanitizer build.)
                let patience = ContinuousClock.now + .seconds(10)
                while server.statistics.requests < 3 && ContinuousClock.now < patience {
                    try await Task.sleep(for: .milliseconds(5))
                }
                let cancelledAt = ContinuousClock.now
                download.cancel()
                let report = await download.value
                #expect(ContinuousClock.now - cancelledAt < .seconds(1))
                #expect(report.wasCancelled)
                #expect(report.succeeded >= 1 && report.succeeded < paths.count)
                #expect(report.succeeded + report.cancelled == paths.count)
                #expect(report.failed == 0 && report.timedOut == 0 && report.errors == 0)
                // Requests never begun made no attempt; the server saw at most the attempts made.
                #expect(report.requests.contains { $0.outcome == .cancelled && $0.attempts == 0 })
                #expect(server.statistics.requests <= report.attempts)
            }
        }
    }
}
