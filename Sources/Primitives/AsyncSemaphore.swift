import Foundation

/// A counting semaphore for async code: `wait()` suspends the task (it never blocks a
/// thread), waiters are served in FIFO order, and a waiter whose task is cancelled leaves
/// the queue without consuming a permit. Python's `asyncio.Semaphore`.
///
///     let downloads = AsyncSemaphore(permits: 10)
///     try await downloads.withPermit { try await fetch(page) }
///
/// Why not `DispatchSemaphore` in async code: its `wait()` blocks the thread, and the
/// cooperative pool has only one thread per core, so a few blocked waiters stall every
/// task in the program (chapter 06 measures it).
///
/// How it works: a count of free permits and a queue of suspended waiters, both behind a
/// lock. `signal()` hands its permit straight to the first waiter, so a task arriving
/// later cannot overtake the queue.
public final class AsyncSemaphore: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var permits: Int
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state: Locked<State>
    /// The number of permits the semaphore was created with.
    public let initialPermits: Int

    /// A semaphore with `permits` free permits (`permits >= 0`; 1 makes an async mutex,
    /// 0 makes a signal that a task waits for).
    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with a negative number of permits")
        initialPermits = permits
        state = Locked(State(permits: permits))
    }

    /// Free permits right now (a snapshot: it may change at once).
    public var availablePermits: Int { state.withLock { $0.permits } }

    /// Tasks suspended in `wait()` right now (a snapshot).
    public var waitingCount: Int { state.withLock { $0.waiters.count } }

    // ANCHOR: wait
    /// Takes a permit, suspending until one is free.
    ///
    /// - Throws: `CancellationError` if the task is cancelled before it gets a permit
    ///   (then it holds no permit and must not call `signal()`).
    public func wait() async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case acquired, cancelled, queued }
                let outcome = state.withLock { state -> Outcome in
                    // Checked under the lock: if the task was cancelled before the waiter
                    // was queued, the cancellation handler found nothing to remove.
                    if Task.isCancelled { return .cancelled }
                    if state.permits > 0 && state.waiters.isEmpty {
                        state.permits -= 1
                        return .acquired
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .queued
                }
                switch outcome {
                case .acquired: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .queued: break
                }
            }
        } onCancel: {
            let removed = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            removed?.continuation.resume(throwing: CancellationError())
        }
    }

    // ANCHOR_END: wait

    /// Takes a permit if one is free right now, without waiting.
    public func tryWait() -> Bool {
        state.withLock { state in
            guard state.permits > 0 && state.waiters.isEmpty else { return false }
            state.permits -= 1
            return true
        }
    }

    // ANCHOR: signal
    /// Returns a permit: the longest-waiting task gets it, or it goes back to the pool.
    public func signal() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.permits += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }

    // ANCHOR_END: signal

    /// Runs `body` holding a permit and always gives the permit back, even when `body`
    /// throws: Python's `async with semaphore:`.
    public func withPermit<T>(isolation: isolated (any Actor)? = #isolation,
                              _ body: () async throws -> T) async throws -> T {
        try await wait()
        defer { signal() }
        return try await body()
    }
}
