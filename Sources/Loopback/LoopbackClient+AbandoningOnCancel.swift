import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension LoopbackClient {
    /// `GET pathAndQuery`, like `get(_:)`, but when the calling task is cancelled it stops
    /// waiting at once and *abandons* the request instead of cancelling it: the HTTP
    /// exchange runs to its end in the background and its answer is dropped.
    ///
    /// Why: on Linux (swift-corelibs-foundation, seen with Swift 6.3.1) cancelling a
    /// `URLSessionTask` at the moment its answer arrives is unsafe. Through
    /// `URLSession.data(from:)` it can deadlock: the cancelling thread holds the Swift task's
    /// status lock and waits for the session's work queue, while the work queue, delivering
    /// the answer, waits for that same lock (swift-corelibs-foundation issue #5412). Through
    /// `URLSessionTask.cancel()` it can crash: the cancel passes its state check, the answer
    /// completes the task, and the cancel then looks up a task that is gone ("Trying to
    /// access a behaviour for a task that in not in the registry"). A downloader that
    /// cancels requests while others complete meets these races sooner or later, so this
    /// client never cancels a `URLSessionTask` that may be completing.
    ///
    /// Tear the client down with `finishAndInvalidate()`, which lets abandoned requests end
    /// instead of cancelling them.
    // ANCHOR: abandoning-get
    public func getAbandoningOnCancel(_ pathAndQuery: String) async throws -> Response {
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, any Error>) in
                guard pending.start(continuation) else {  // cancelled before it began
                    continuation.resume(throwing: CancellationError())
                    return
                }
                session.dataTask(with: server.url(pathAndQuery)) { data, response, error in
                    guard let waiting = pending.finish() else { return }  // abandoned: nobody waits
                    if let error {
                        waiting.resume(throwing: error)
                    } else {
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        waiting.resume(returning: Response(status: status, body: String(decoding: data ?? Data(), as: UTF8.self)))
                    }
                }.resume()
            }
        } onCancel: {
            // Resuming a continuation here is safe (AsyncSemaphore and AsyncChannel do it
            // too). What is not safe is calling into URLSession from here, as
            // `URLSessionTask.cancel()` would: it takes the session's lock while the
            // cancelling thread holds the task's, the deadlock described above. So the
            // handler only takes the waiter out and resumes it; the request runs on.
            if let waiting = pending.cancel() {
                waiting.resume(throwing: CancellationError())
            }
        }
    }
    // ANCHOR_END: abandoning-get

    /// Invalidates the session after its requests, abandoned ones included, have ended:
    /// the teardown for a client used with `getAbandoningOnCancel`. (`invalidate()` cancels
    /// them, which is unsafe on Linux while answers arrive; see above.)
    public func finishAndInvalidate() { session.finishTasksAndInvalidate() }
}

/// Who resumes the caller of one `getAbandoningOnCancel`: the completion handler or the
/// cancellation handler, whichever comes first, exactly once.
private final class PendingRequest: @unchecked Sendable {
    private enum State {
        case notStarted
        case waiting(CheckedContinuation<LoopbackClient.Response, any Error>)
        case cancelled
        case finished
    }

    private let lock = NSLock()
    private var state = State.notStarted   // guarded by `lock`

    /// notStarted -> waiting; false if the task was cancelled first.
    func start(_ continuation: CheckedContinuation<LoopbackClient.Response, any Error>) -> Bool {
        lock.withLock {
            guard case .notStarted = state else { return false }
            state = .waiting(continuation)
            return true
        }
    }

    /// The answer came: -> finished; returns the caller to resume, or nil if it gave up.
    func finish() -> CheckedContinuation<LoopbackClient.Response, any Error>? {
        lock.withLock {
            guard case .waiting(let continuation) = state else { return nil }
            state = .finished
            return continuation
        }
    }

    /// The task was cancelled: -> cancelled, unless already finished; returns the caller
    /// to resume if it was waiting.
    func cancel() -> CheckedContinuation<LoopbackClient.Response, any Error>? {
        lock.withLock {
            switch state {
            case .notStarted:
                state = .cancelled
                return nil
            case .waiting(let continuation):
                state = .cancelled
                return continuation
            case .cancelled, .finished:
                return nil
            }
        }
    }
}
