import Foundation

/// A thread-safe priority queue: `get` returns the largest element first (the highest
/// priority), waiting while the queue is empty. Swift's counterpart of Python's
/// `queue.PriorityQueue` (which returns the smallest first: reverse `<` for that).
///
/// It is unbounded; `close()` works as in `BlockingQueue`: `put` throws `.closed`,
/// `get` drains what is left, then throws `.closed`. The heap is touched only while
/// `condition` is locked (hence `@unchecked Sendable`).
public final class PriorityBlockingQueue<Element: Comparable & Sendable>: @unchecked Sendable {
    // ANCHOR: priority-queue
    private let condition = NSCondition()
    private var heap = BinaryHeap<Element>()
    private var closed = false

    public init() {}

    /// Adds `element`. - Throws: `.closed` if the queue is closed.
    public func put(_ element: Element) throws(BlockingQueueError) {
        condition.lock()
        defer { condition.unlock() }
        if closed { throw .closed }
        heap.insert(element)
        // Only getters ever wait here, so waking one is enough.
        condition.signal()
    }

    /// Removes and returns the largest element, waiting for one (at most `timeout`,
    /// when given). - Throws: `.timedOut`, or `.closed` once closed and drained.
    public func get(timeout: Duration? = nil) throws(BlockingQueueError) -> Element {
        let deadline = timeout?.deadlineFromNow
        condition.lock()
        defer { condition.unlock() }
        while heap.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        guard let largest = heap.removeMax() else { throw closed ? .closed : .timedOut }
        return largest
    }
    // ANCHOR_END: priority-queue

    /// Closes the queue and wakes every waiting getter.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }

    /// The number of elements waiting now.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return heap.count
    }
}
