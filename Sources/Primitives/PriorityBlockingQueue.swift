import Foundation

/// A thread-safe priority queue: `get` returns the largest element first (the highest
/// priority), waiting while the queue is empty. Swift's counterpart of Python's
/// `queue.PriorityQueue` (which returns the smallest first: reverse `<` for that).
///
/// Among equal elements it is first-in-first-out: `put` stamps each element with the next
/// number of a counter, under the lock, and of two equal elements the one stamped first
/// comes out first (the `itertools.count` recipe of Python's `heapq` documentation). The
/// stamp is taken inside `put` because only there is the order of arrival decided: a
/// number chosen by the caller before racing other threads to `put` says nothing about
/// who got there first.
///
/// It is unbounded; `close()` works as in `BlockingQueue`: `put` throws `.closed`,
/// `get` drains what is left, then throws `.closed`. The heap and the counter are touched
/// only while `condition` is locked (hence `@unchecked Sendable`).
public final class PriorityBlockingQueue<Element: Comparable & Sendable>: @unchecked Sendable {
    // ANCHOR: priority-queue
    /// An element and its place in the order of arrival.
    private struct Entry: Comparable {
        let element: Element
        let arrival: Int

        /// "Smaller" comes out later: a smaller element, or an equal one that arrived later.
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.element < rhs.element { return true }
            if rhs.element < lhs.element { return false }
            return lhs.arrival > rhs.arrival
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.arrival == rhs.arrival }
    }

    private let condition = NSCondition()
    private var heap = BinaryHeap<Entry>()
    private var arrivals = 0
    private var closed = false

    public init() {}

    /// Adds `element`. - Throws: `.closed` if the queue is closed.
    public func put(_ element: Element) throws(BlockingQueueError) {
        condition.lock()
        defer { condition.unlock() }
        if closed { throw .closed }
        heap.insert(Entry(element: element, arrival: arrivals))   // stamped under the lock
        arrivals += 1
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
        return largest.element
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
