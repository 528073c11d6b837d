import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A readiness event loop: one thread that sleeps in the kernel (`epoll_wait` on Linux,
/// `kevent` on macOS) until a descriptor some task waits for is ready or a deadline
/// passes, then resumes those tasks.
///
///     try await withEventLoop { loop in
///         try await loop.waitUntil(socket, is: .readable)   // suspends; holds no thread
///         try await loop.sleep(for: .milliseconds(50))       // a timer
///     }
///
/// It is the same idea as Python's asyncio selector loop and SwiftNIO's
/// `SelectableEventLoop`: a table of what waits for which descriptor, a heap of
/// deadlines, and a thread that turns the kernel's "these are ready" into "resume these".
/// It differs from both in three ways, each simpler and each with a cost:
/// - interest is one-shot, armed again for every wait (one `epoll_ctl` per wait); asyncio
///   and NIO register a descriptor once and keep the interest (level-triggered), changing
///   it only when what they want changes;
/// - the resumed code is a Swift task's continuation, which runs on the cooperative pool,
///   not on the loop's thread: one hop between threads per event, where asyncio and NIO
///   run the I/O code on the loop's own thread;
/// - a report names the wait it was armed for (its id), as NIO's names a registration,
///   so a report for a descriptor that was closed and whose number was reused is dropped.
///
/// Every wait may be cancelled at any moment (the task's cancellation ends it with
/// `CancellationError`) and may carry a deadline (it ends with `EventLoopError.timedOut`).
/// `stop()` ends every wait still pending with `EventLoopError.loopStopped`.
public final class EventLoop: Sendable {
    private let poller: Poller
    /// A pipe the loop always watches: a byte written to it wakes the loop early (for
    /// an earlier deadline, or to stop).
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Guards `table`. An `NSLock`, which ThreadSanitizer on Linux sees, unlike `Mutex`.
    private let lock = NSLock()
    private nonisolated(unsafe) var table = WaitTable()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the loop's thread.
    public init() throws(EventLoopError) {
        poller = try Poller()
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .system("pipe", errno) }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        for end in ends { makeNonBlocking(end) }
        do throws(EventLoopError) { try poller.watchAlways(wakeRead) } catch {
            _ = close(wakeRead); _ = close(wakeWrite); throw error
        }
        let thread = Thread { [self] in run() }
        thread.name = "event-loop"
        thread.start()
    }

    /// Stops the loop: every pending wait ends with `loopStopped`, the thread exits and
    /// the loop's descriptors are closed. Waits begun afterwards end at once. Call it once,
    /// from any thread but the loop's own.
    public func stop() {
        let first = lock.withLock {
            defer { table.beginStopping() }
            return !table.isStopping
        }
        guard first else { return }
        wake()
        finished.wait()
        _ = close(wakeRead)
        _ = close(wakeWrite)
    }

    public var statistics: EventLoopStatistics { lock.withLock { table.statistics } }

    public func resetStatistics() { lock.withLock { table.statistics = EventLoopStatistics() } }

    /// Waits begun and not yet ended.
    public var pendingWaits: Int { lock.withLock { table.count } }

    /// Entries in the heap of deadlines, including those of waits that ended early and
    /// have not been dropped yet (the heap is compacted when they are the majority).
    public var deadlineEntries: Int { lock.withLock { table.deadlineEntries } }

    // MARK: Waiting

    /// Suspends the calling task until `descriptor` is ready for `readiness` (or hung up,
    /// or failed; for reading also when the peer has shut down its sending side). Throws `timedOut` if `deadline` passes first, `CancellationError` if
    /// the task is cancelled. One task at a time may wait on a descriptor.
    public func waitUntil(_ descriptor: Int32, is readiness: Readiness,
                          deadline: ContinuousClock.Instant? = nil) async throws {
        try await suspend(on: (descriptor, readiness), until: deadline, atDeadline: .failure(EventLoopError.timedOut))
    }

    /// Suspends the calling task for `duration`: a timer of the loop. Throws
    /// `CancellationError` if the task is cancelled first.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: .now + duration)
    }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await suspend(on: nil, until: deadline, atDeadline: .success(()))
    }

    // ANCHOR: suspend
    private func suspend(on watch: (Int32, Readiness)?, until deadline: ContinuousClock.Instant?,
                         atDeadline: Result<Void, any Error>) async throws {
        let id = lock.withLock { table.newID() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: WaitTable.Continuation) in
                register(id, watch, deadline, atDeadline, continuation)?.resume()
            }
        } onCancel: {
            lock.withLock { table.cancel(id) }?.resume()
        }
    }
    // ANCHOR_END: suspend

    /// Enters the wait in the table, then asks the kernel (in that order: a report that
    /// arrives at once must find the waiter). Returns what to resume now, if anything.
    private func register(_ id: UInt64, _ watch: (Int32, Readiness)?, _ deadline: ContinuousClock.Instant?,
                          _ atDeadline: Result<Void, any Error>,
                          _ continuation: WaitTable.Continuation) -> WaitTable.Resumption? {
        lock.withLock { () -> WaitTable.Resumption? in
            let earliest = table.earliestDeadline
            if let early = table.suspend(id, on: watch?.0, until: deadline, now: .now, atDeadline: atDeadline,
                                         continuation) {
                return early
            }
            if let (descriptor, readiness) = watch {
                do {
                    try poller.watchOnce(descriptor, for: readiness, waitID: id)
                } catch {
                    return table.fail(id, with: error)
                }
            }
            // The loop may be asleep until a later deadline: wake it to sleep less.
            if let deadline, earliest.map({ deadline < $0 }) ?? true { wake() }
            return nil
        }
    }

    // MARK: The loop's thread

    // ANCHOR: loop
    private func run() {
        while true {
            let sleep = lock.withLock { table.sleepMilliseconds(now: .now) }
            let ready = poller.wait(timeoutMilliseconds: sleep)
            var resumptions: [WaitTable.Resumption] = []
            let stopping = lock.withLock {
                table.statistics.wakeUps += 1
                // Deadlines first: a wait whose deadline has passed times out even if its
                // descriptor was reported ready in the same turn.
                resumptions += table.expire(now: .now)
                var count = 0
                for waitID in ready where waitID != Poller.alwaysWatchedID {
                    count += 1
                    if let resumption = table.ready(waitID) { resumptions.append(resumption) }
                }
                table.statistics.readyEvents += count
                table.statistics.maxReadyPerWakeUp = max(table.statistics.maxReadyPerWakeUp, count)
                if table.isStopping { resumptions += table.stopAll() }
                return table.isStopping
            }
            if ready.contains(Poller.alwaysWatchedID) { drainWakePipe() }
            for resumption in resumptions { resumption.resume() }
            if stopping { break }
        }
        finished.signal()
    }
    // ANCHOR_END: loop

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)  // a full pipe already means "wake up": EAGAIN is fine
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &bytes, bytes.count) > 0 {}
    }
}

/// Sets `O_NONBLOCK`: a read or write that would wait returns `EAGAIN` instead.
func makeNonBlocking(_ descriptor: Int32) {
    let flags = fcntl(descriptor, F_GETFL)
    _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
}

/// Runs `body` with a new event loop and stops the loop when `body` ends, however it ends.
/// (`stop()` blocks the calling thread for the loop's last turn: a moment, not a wait
/// for I/O.)
public func withEventLoop<T>(_ body: (EventLoop) async throws -> T) async throws -> T {
    let loop = try EventLoop()
    defer { loop.stop() }
    return try await body(loop)
}
