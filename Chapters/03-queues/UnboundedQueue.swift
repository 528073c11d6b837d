import Foundation

// ANCHOR: unbounded-queue
/// Step 1: the smallest blocking queue. `get` waits while the queue is empty; `put`
/// never waits, so the queue can grow without limit.
final class UnboundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()   // a lock plus a place for threads to wait
    private var items: [Element] = []       // touched only while `condition` is locked

    func put(_ item: Element) {
        condition.lock()
        defer { condition.unlock() }
        items.append(item)
        condition.signal()                  // wake one waiting getter, if any
    }

    func get() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {               // a loop, never an `if`: re-check after waking
            condition.wait()                // unlocks, sleeps, re-locks before returning
        }
        return items.removeFirst()
    }

    /// How many items are waiting (for the demo's measurements).
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count
    }
}
// ANCHOR_END: unbounded-queue
