import Primitives

/// The event loop's bookkeeping: which suspended task waits for which descriptor or
/// deadline. Every method runs under the loop's lock and returns the continuations to
/// resume, which the caller resumes after unlocking (resuming under a lock would run
/// unknown code while holding it).
///
/// Each wait has an id and moves through the slots: `pending` (the id exists, the task is
/// about to suspend), `waiting` (suspended), then gone. A cancellation can arrive at any
/// of these moments, even before the task has suspended: then the slot is marked
/// `cancelled`, and the suspension that follows resumes at once with `CancellationError`.
struct WaitTable {
    typealias Continuation = CheckedContinuation<Void, any Error>

    /// A continuation and what to resume it with.
    struct Resumption {
        let continuation: Continuation
        let result: Result<Void, any Error>

        func resume() { continuation.resume(with: result) }
    }

    private struct Waiter {
        let continuation: Continuation
        let descriptor: Int32?
        let deadline: ContinuousClock.Instant?
        /// What the task gets when its deadline passes: success for a sleep, `timedOut`
        /// for an I/O wait.
        let atDeadline: Result<Void, any Error>
    }

    private enum Slot {
        case pending
        case waiting(Waiter)
        case cancelled
    }

    /// A deadline in the heap. `BinaryHeap` puts the largest first, so `<` is reversed:
    /// the earliest deadline is the "largest".
    private struct Deadline: Comparable {
        let instant: ContinuousClock.Instant
        let id: UInt64
        static func < (a: Deadline, b: Deadline) -> Bool { a.instant > b.instant }
        static func == (a: Deadline, b: Deadline) -> Bool { a.instant == b.instant && a.id == b.id }
    }

    private var slots: [UInt64: Slot] = [:]
    /// May hold deadlines of waits that ended early ("stale"): they are dropped when they
    /// come up, and the heap is rebuilt when they outnumber the live ones (a server whose
    /// reads end long before their timeouts would otherwise keep one entry per request).
    private var deadlines = BinaryHeap<Deadline>()
    /// Suspended waits that have a deadline: the live entries of `deadlines`.
    private var liveDeadlines = 0
    private var lastID: UInt64 = 0
    private(set) var isStopping = false
    var statistics = EventLoopStatistics()

    /// Waits not yet finished (pending or suspended).
    var count: Int { slots.count }

    mutating func newID() -> UInt64 {
        lastID += 1
        slots[lastID] = .pending
        return lastID
    }

    /// Suspends wait `id`. Returns a resumption to run at once if the wait was cancelled
    /// before it got here, the loop has stopped or the deadline has already passed; `nil`
    /// when the task now waits.
    mutating func suspend(_ id: UInt64, on descriptor: Int32?, until deadline: ContinuousClock.Instant?,
                          now: ContinuousClock.Instant,
                          atDeadline: Result<Void, any Error>, _ continuation: Continuation) -> Resumption? {
        switch slots[id] {
        case .pending? where !isStopping:
            break
        case .cancelled?:
            slots[id] = nil
            return Resumption(continuation: continuation, result: .failure(CancellationError()))
        default:
            slots[id] = nil
            return Resumption(continuation: continuation, result: .failure(EventLoopError.loopStopped))
        }
        if let deadline, deadline <= now {
            // Overdue already: end it here rather than watch the descriptor. A socket that
            // is always reported ready (while its send keeps failing) would otherwise be
            // resumed on every turn before the loop looked at the deadlines.
            slots[id] = nil
            statistics.timersFired += 1
            return Resumption(continuation: continuation, result: atDeadline)
        }
        slots[id] = .waiting(Waiter(continuation: continuation, descriptor: descriptor, deadline: deadline,
                                    atDeadline: atDeadline))
        if let deadline {
            deadlines.insert(Deadline(instant: deadline, id: id))
            liveDeadlines += 1
        }
        return nil
    }

    /// The task asked for `id` was cancelled.
    mutating func cancel(_ id: UInt64) -> Resumption? {
        switch slots[id] {
        case .pending?:
            slots[id] = .cancelled
            return nil
        case .waiting(let waiter)?:
            return finish(id, waiter, with: .failure(CancellationError()))
        case .cancelled?, nil:
            return nil
        }
    }

    /// The kernel reported the descriptor of wait `id` ready. A report for a wait that has
    /// ended already (cancelled, timed out, its descriptor closed) is dropped.
    mutating func ready(_ id: UInt64) -> Resumption? {
        guard case .waiting(let waiter)? = slots[id], waiter.descriptor != nil else { return nil }
        return finish(id, waiter, with: .success(()))
    }

    /// Ends every wait whose deadline is `now` or earlier.
    mutating func expire(now: ContinuousClock.Instant) -> [Resumption] {
        var due: [Resumption] = []
        while let first = deadlines.max, first.instant <= now {
            _ = deadlines.removeMax()
            guard case .waiting(let waiter)? = slots[first.id] else { continue }  // ended early
            statistics.timersFired += 1
            due.append(finish(first.id, waiter, with: waiter.atDeadline))
        }
        return due
    }

    /// How long the loop may sleep before the next deadline, in whole milliseconds
    /// rounded up; -1 when there is none.
    mutating func sleepMilliseconds(now: ContinuousClock.Instant) -> Int32 {
        while let first = deadlines.max, !isWaiting(first.id) { _ = deadlines.removeMax() }
        guard let first = deadlines.max else { return -1 }
        // An overdue deadline means "do not sleep". (It must be caught here: the
        // components of a small negative duration are 0 s and negative attoseconds,
        // which would round to a negative timeout, and to the kernel that means "forever".)
        let remaining = first.instant - now
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(milliseconds, Int64(Int32.max)))
    }

    /// The earliest deadline of a suspended wait.
    var earliestDeadline: ContinuousClock.Instant? { deadlines.max?.instant }

    /// From now on every new wait ends at once with `loopStopped`.
    mutating func beginStopping() { isStopping = true }

    /// The loop's last turn: every wait still suspended ends with `loopStopped`.
    mutating func stopAll() -> [Resumption] {
        var ended: [Resumption] = []
        for (id, slot) in slots {
            if case .waiting(let waiter) = slot {
                ended.append(finish(id, waiter, with: .failure(EventLoopError.loopStopped)))
            }
        }
        return ended
    }

    /// Ends wait `id`, just suspended, with `error` (the kernel refused to watch).
    mutating func fail(_ id: UInt64, with error: any Error) -> Resumption? {
        guard case .waiting(let waiter)? = slots[id] else { return nil }
        return finish(id, waiter, with: .failure(error))
    }

    private func isWaiting(_ id: UInt64) -> Bool {
        if case .waiting? = slots[id] { true } else { false }
    }

    var deadlineEntries: Int { deadlines.count }

    /// Heap entries whose wait has ended.
    var staleDeadlines: Int { deadlines.count - liveDeadlines }

    /// Rebuilds the heap from the live deadlines once stale ones are the majority (and
    /// more than a few): each rebuild costs what the stale entries' arrival cost.
    private mutating func compactDeadlinesIfMostlyStale() {
        guard staleDeadlines > 64, staleDeadlines > liveDeadlines else { return }
        deadlines = BinaryHeap(slots.compactMap { id, slot -> Deadline? in
            guard case .waiting(let waiter) = slot, let instant = waiter.deadline else { return nil }
            return Deadline(instant: instant, id: id)
        })
    }

    private mutating func finish(_ id: UInt64, _ waiter: Waiter, with result: Result<Void, any Error>) -> Resumption {
        slots[id] = nil
        if waiter.deadline != nil {
            liveDeadlines -= 1
            compactDeadlinesIfMostlyStale()
        }
        statistics.resumed += 1
        return Resumption(continuation: waiter.continuation, result: result)
    }
}
