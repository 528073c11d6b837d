import Foundation
import Primitives
import Notebook

/// Keeps a core busy until this thread has used `duration` of CPU time, without
/// suspending: stands in for a fixed amount of real computation. It spins on the thread's
/// own CPU clock, not the wall clock: a thread the kernel preempts (other programs on the
/// machine) does not count the time it waits, so each call is the same work whatever the
/// load, and only its wall time grows.
func compute(for duration: Duration) {
    let end = threadCPUTime() + duration
    while threadCPUTime() < end {}
}

/// CPU time used so far by the calling thread (`CLOCK_THREAD_CPUTIME_ID`; Linux and macOS).
func threadCPUTime() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
}

// ANCHOR: cooperative
/// Does `chunks` pieces of work, checking between pieces whether it should stop.
func cooperativeWork(chunks: Int) async -> Int {
    var done = 0
    for _ in 0..<chunks {
        if Task.isCancelled { break }  // the task decides when to stop
        compute(for: .milliseconds(5))
        done += 1
        await Task.yield()  // let other tasks use this thread between chunks
    }
    return done
}

/// The same work, never looking at cancellation.
func stubbornWork(chunks: Int) async -> Int {
    var done = 0
    for _ in 0..<chunks {
        compute(for: .milliseconds(5))
        done += 1
        await Task.yield()
    }
    return done
}
// ANCHOR_END: cooperative

func cancellation(_ cell: Cell) async {
    // ANCHOR: cancel
    let chunks = 40
    let polite = Task { await cooperativeWork(chunks: chunks) }
    let stubborn = Task { await stubbornWork(chunks: chunks) }
    try? await Task.sleep(for: .milliseconds(50))
    polite.cancel()
    stubborn.cancel()
    let politeDone = await polite.value, stubbornDone = await stubborn.value
    print("cancelled after 50 ms: the cooperative task did \(politeDone) of \(chunks) chunks, the stubborn one \(stubbornDone)")

    let checking = Task {
        for _ in 0..<chunks {
            try Task.checkCancellation()  // throws CancellationError once cancelled
            compute(for: .milliseconds(5))
            await Task.yield()
        }
    }
    checking.cancel()
    let outcome = await checking.result
    print("checkCancellation(): \(outcome)")

    let sleeper = Task { try await Task.sleep(for: .seconds(10)) }
    let start = ContinuousClock.now
    try? await Task.sleep(for: .milliseconds(20))
    sleeper.cancel()
    let sleepOutcome = await sleeper.result
    let sleptFor = secondsSince(start)
    print("Task.sleep(10 s) cancelled after 20 ms ended after \(Format.duration(sleptFor)): \(sleepOutcome)")
    // ANCHOR_END: cancel
    // ANCHOR: awaits-that-never-throw
    // asyncio raises CancelledError at whatever await the task is parked on. In Swift a
    // cancelled task goes on through every await that does not check the flag itself.
    let counter = CancellationCounter()
    let unaware = Task { () -> (actorCalls: Int, continuationValue: Int, flagSet: Bool) in
        withUnsafeCurrentTask { $0?.cancel() }  // cancelled from the start
        let calls = await counter.increment()  // an actor call: no check, no throw
        let value = await withCheckedContinuation { $0.resume(returning: 7) }  // no check either
        return (calls, value, Task.isCancelled)
    }
    let unawareResult = await unaware.value
    print("cancelled task: actor call returned \(unawareResult.actorCalls), continuation returned \(unawareResult.continuationValue), Task.isCancelled = \(unawareResult.flagSet)")
    // ANCHOR_END: awaits-that-never-throw

    cell.value("polite-chunks", politeDone)
    cell.value("stubborn-chunks", stubbornDone)
    cell.value("chunks", chunks)
    cell.value("cancelled-sleep-time", sleptFor, digits: 3, unit: "s")
    cell.check(politeDone < chunks, "the cooperative task stopped early (\(politeDone) < \(chunks) chunks)")
    cell.check(stubbornDone == chunks, "cancel() did not stop the task that never checks (\(stubbornDone) chunks)")
    cell.check((try? outcome.get()) == nil && isCancellationError(outcome), "checkCancellation threw CancellationError")
    cell.check(unawareResult == (1, 7, true),
               "a cancelled task's actor call and plain continuation returned normally; only the flag was set")
    cell.check(isCancellationError(sleepOutcome) && sleptFor < 1,
               "Task.sleep threw CancellationError after \(seconds: sleptFor), not 10 s")
}

func isCancellationError<T>(_ result: Result<T, any Error>) -> Bool {
    if case .failure(let error) = result { return error is CancellationError }
    return false
}

// ANCHOR: legacy-timer
/// A callback API that knows nothing about tasks: runs `done` on a Dispatch queue after
/// `delay` unless the returned work item is cancelled first.
func legacyTimer(after delay: Duration, _ done: @escaping @Sendable () -> Void) -> DispatchWorkItem {
    let item = DispatchWorkItem(block: done)
    DispatchQueue.global().asyncAfter(deadline: .now() + delay.seconds, execute: item)
    return item
}

/// Bridges one `legacyTimer` call to async code, resuming its continuation exactly once:
/// when the timer fires or when the task is cancelled, whichever comes first.
final class PendingTimer: Sendable {
    private enum State {
        case notStarted
        case waiting(CheckedContinuation<Void, any Error>, DispatchWorkItem)
        case finished
    }
    private let state = Locked(State.notStarted)

    func start(after delay: Duration, continuation: CheckedContinuation<Void, any Error>) {
        let resumeNow = state.withLock { state -> Bool in
            guard case .notStarted = state else { return true }  // cancelled before we began
            let item = legacyTimer(after: delay) { self.fire() }
            state = .waiting(continuation, item)
            return false
        }
        if resumeNow { continuation.resume(throwing: CancellationError()) }
    }

    private func fire() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard case .waiting(let continuation, _) = state else { return nil }
            state = .finished
            return continuation
        }
        continuation?.resume()
    }

    func cancel() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            switch state {
            case .notStarted:
                state = .finished
                return nil
            case .waiting(let continuation, let item):
                item.cancel()  // the legacy API's own way to stop
                state = .finished
                return continuation
            case .finished:
                return nil
            }
        }
        continuation?.resume(throwing: CancellationError())
    }
}

/// The legacy timer as a cancellable async function.
func timerSleep(for delay: Duration) async throws {
    let pending = PendingTimer()
    try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            pending.start(after: delay, continuation: continuation)
        }
    } onCancel: {
        pending.cancel()  // runs at once, on the thread that called cancel()
    }
}
// ANCHOR_END: legacy-timer

func cancellationHandler(_ cell: Cell) async {
    // ANCHOR: cancellation-handler
    let start = ContinuousClock.now
    try? await timerSleep(for: .milliseconds(30))
    let completed = secondsSince(start)
    print("timerSleep(30 ms) completed after \(Format.duration(completed))")

    let waiting = Task { try await timerSleep(for: .seconds(10)) }
    try? await Task.sleep(for: .milliseconds(20))
    let cancelledAt = ContinuousClock.now
    waiting.cancel()
    let outcome = await waiting.result
    let reaction = secondsSince(cancelledAt)
    print("timerSleep(10 s) cancelled after 20 ms: \(outcome), \(Format.duration(reaction)) after cancel()")
    // ANCHOR_END: cancellation-handler
    cell.value("timer-sleep-time", completed, digits: 3, unit: "s")
    cell.value("timer-cancel-reaction", reaction * 1000, digits: 2, unit: "ms")
    cell.check(completed >= 0.03, "the bridged timer waited its 30 ms (\(seconds: completed))")
    cell.check(isCancellationError(outcome) && reaction < 1,
               "the cancelled timer threw CancellationError \(seconds: reaction) after cancel(), not 10 s later")
}

/// An actor whose method never looks at cancellation.
actor CancellationCounter {
    private var calls = 0
    func increment() -> Int { calls += 1; return calls }
}
