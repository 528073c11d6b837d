import Foundation

/// A first-in, first-out queue that threads share: Swift's counterpart of Python's
/// `queue.Queue`, built on one `NSCondition`.
///
///     let queue = BlockingQueue<Int>(capacity: 10)
///     try queue.put(1)            // blocks while the queue is full
///     let item = try queue.get()  // blocks while the queue is empty
///     queue.taskDone()            // the consumer has finished with `item`
///     queue.close()               // consumers drain what is left, then `get` throws
///
/// - `capacity` bounds the queue: a producer that finds it full waits (backpressure).
/// - `close()` stops the queue: `put` throws `.closed` at once, `get` keeps handing out
///   the items already queued and throws `.closed` when none are left. Every thread
///   blocked in `put` or `get` wakes up.
/// - `taskDone()` / `join()` count unfinished work like Python's `task_done` / `join`.
///
/// A consumer loop that stops when the queue is closed and drained:
/// `while let item = try? queue.get() { ... }` (`get` throws nothing but `.closed`).
///
/// Every stored property below is read and written only while `condition` is locked,
/// which is what makes the class safe to share; the compiler cannot see that lock, so
/// the conformance is `@unchecked Sendable`, and the tests run under ThreadSanitizer.
public final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    /// The most items the queue holds at once, or `nil` for an unbounded queue.
    public let capacity: Int?

    // ANCHOR: state
    /// One lock and one wait set for both kinds of waiter: getters wait for "not empty",
    /// putters wait for "not full". Every change broadcasts (see `changed()`).
    private let condition = NSCondition()
    private var items: [Element] = []
    /// Index of the oldest item in `items`: taking from the front moves `head` instead of
    /// shifting the whole array; the consumed prefix is dropped now and then.
    private var head = 0
    private var closed = false
    /// Items put but not yet marked done with `taskDone()`.
    private var unfinished = 0
    /// The largest number of items ever held at once: lets tests and chapters check
    /// that the capacity was never exceeded.
    private var highWater = 0
    // ANCHOR_END: state

    /// A queue holding at most `capacity` items (`nil`: no bound).
    public init(capacity: Int? = nil) {
        precondition(capacity.map { $0 > 0 } ?? true, "capacity must be positive")
        self.capacity = capacity
    }

    // MARK: Putting

    /// Adds `item` at the back, waiting while the queue is full.
    /// - Throws: `.closed` if the queue is closed (before or while waiting).
    public func put(_ item: Element) throws(BlockingQueueError) {
        try put(item, deadline: nil)
    }

    /// Adds `item` at the back, waiting at most `timeout` for a free slot.
    /// - Throws: `.timedOut` if the queue stayed full, `.closed` if it was closed.
    public func put(_ item: Element, timeout: Duration) throws(BlockingQueueError) {
        try put(item, deadline: timeout.deadlineFromNow)
    }

    // ANCHOR: put
    private func put(_ item: Element, deadline: Date?) throws(BlockingQueueError) {
        condition.lock()
        defer { condition.unlock() }
        // Wait in a loop: a wake-up only means "something changed", so re-check.
        while !closed && isFull {
            if !waitForChange(until: deadline) { break }
        }
        if closed { throw .closed }
        if isFull { throw .timedOut }
        items.append(item)
        unfinished += 1
        highWater = Swift.max(highWater, items.count - head)
        changed()
    }
    // ANCHOR_END: put

    // MARK: Getting

    /// Removes and returns the oldest item, waiting while the queue is empty.
    /// - Throws: `.closed` once the queue is closed and every item has been taken.
    public func get() throws(BlockingQueueError) -> Element {
        try get(deadline: nil)
    }

    /// Removes and returns the oldest item, waiting at most `timeout` for one.
    /// - Throws: `.timedOut` if none arrived in time, `.closed` if the queue is closed
    ///   and drained.
    public func get(timeout: Duration) throws(BlockingQueueError) -> Element {
        try get(deadline: timeout.deadlineFromNow)
    }

    // ANCHOR: get
    private func get(deadline: Date?) throws(BlockingQueueError) -> Element {
        condition.lock()
        defer { condition.unlock() }
        while !closed && isEmpty {
            if !waitForChange(until: deadline) { break }
        }
        // Closed but not empty: keep draining, so no item put before close is lost.
        if isEmpty { throw closed ? .closed : .timedOut }
        let item = items[head]
        head += 1
        if head == items.count {                    // drained: start again at the front
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)                 // drop the consumed half
            head = 0
        }
        changed()
        return item
    }
    // ANCHOR_END: get

    // MARK: Closing

    // ANCHOR: close
    /// Closes the queue and wakes every waiter. Calling it again does nothing.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        changed()
    }
    // ANCHOR_END: close

    /// Whether `close()` has been called.
    public var isClosed: Bool { locked { closed } }

    // MARK: Tracking finished work

    // ANCHOR: task-done
    /// Marks one item taken with `get` as fully processed (Python's `task_done`).
    /// Call it exactly once per item, after the work on that item is finished.
    public func taskDone() {
        condition.lock()
        defer { condition.unlock() }
        precondition(unfinished > 0, "taskDone() called more times than there were items")
        unfinished -= 1
        if unfinished == 0 { changed() }
    }

    /// Blocks until every item ever put has been marked with `taskDone()`.
    public func join() {
        _ = join(deadline: nil)
    }

    /// Like `join()`, waiting at most `timeout`; returns whether all work was done.
    public func join(timeout: Duration) -> Bool {
        join(deadline: timeout.deadlineFromNow)
    }

    private func join(deadline: Date?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while unfinished > 0 {
            if !waitForChange(until: deadline) { break }
        }
        return unfinished == 0
    }
    // ANCHOR_END: task-done

    // MARK: Observing

    /// The number of items waiting in the queue now (stale as soon as it is returned).
    public var count: Int { locked { items.count - head } }

    /// The most items the queue has held at once since it was created.
    public var peakCount: Int { locked { highWater } }

    /// Items put but not yet marked with `taskDone()`.
    public var unfinishedTasks: Int { locked { unfinished } }

    // MARK: Internals (the caller holds `condition`)

    private var isEmpty: Bool { items.count == head }

    private var isFull: Bool {
        guard let capacity else { return false }
        return items.count - head >= capacity
    }

    // ANCHOR: wait
    /// Waits for another thread to call `changed()`, or until `deadline` (`nil`: no limit).
    /// Returns false once the deadline has passed; the caller then re-checks its
    /// predicate one last time, since the change may have come at the very end.
    private func waitForChange(until deadline: Date?) -> Bool {
        guard let deadline else {
            condition.wait()
            return true
        }
        return condition.wait(until: deadline)
    }

    /// Wakes every waiter. Getters and putters share one `NSCondition`, so `signal()`
    /// could wake a thread of the wrong kind (a putter when an item arrived) and the
    /// getter that should have run would sleep on: a lost wake-up. Broadcasting wakes
    /// all of them; each re-checks its own predicate and the wrong kind waits again.
    private func changed() {
        condition.broadcast()
    }
    // ANCHOR_END: wait

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
