import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking HTTP client for threads and worker processes: `get` returns when the
/// answer has arrived, like Python's `urllib.request.urlopen(url).read()`.
///
/// `URLSession` has only callback and async APIs, so `get` starts a data task and waits
/// on a semaphore that the task's completion handler signals. Blocking is right on a
/// thread of our own, and wrong inside an async task (chapter 06 shows why).
final class PageFetcher: Sendable {
    private let session: URLSession

    /// `maximumConnections` is the session's limit of simultaneous connections to one host.
    /// Left at its default (6 on Linux), it would quietly cap any thread pool larger than 6.
    init(maximumConnections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnections
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// The HTTP status of `GET url`, blocking the calling thread until it arrives.
    func get(_ url: URL) throws -> Int {
        let answer = Answer()
        session.dataTask(with: url) { _, response, error in
            answer.deliver(error.map { .failure($0) } ?? .success((response as? HTTPURLResponse)?.statusCode ?? 0))
        }.resume()
        return try answer.wait()
    }

    /// One answer, handed from the session's thread to the waiting one. The semaphore
    /// orders the two: `deliver` writes before it signals, `wait` reads after it wakes.
    /// (An `NSLock` rather than a `Mutex`, so that ThreadSanitizer, which cannot see inside
    /// a `Mutex` on Linux, checks this code instead of reporting false races.)
    private final class Answer: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Int, any Error>?     // guarded by `lock`
        private let arrived = DispatchSemaphore(value: 0)

        func deliver(_ value: Result<Int, any Error>) {
            lock.withLock { result = value }
            arrived.signal()
        }

        func wait() throws -> Int {
            arrived.wait()
            return try lock.withLock { result! }.get()
        }
    }
}
