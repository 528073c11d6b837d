import Foundation

// ANCHOR: bounded-queue
/// Step 2: a bounded queue. A producer that finds it full waits: backpressure.
/// Getters and putters now both wait on the one condition, so every change wakes
/// everybody (`broadcast`) and each thread re-checks its own reason to wait.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var items: [Element] = []
    private var peak = 0                    // the most items ever held at once

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Element) {
        condition.lock()
        defer { condition.unlock() }
        while items.count == capacity {     // full: wait for a getter to make room
            condition.wait()
        }
        items.append(item)
        peak = max(peak, items.count)
        condition.broadcast()
    }

    func get() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {               // empty: wait for a putter
            condition.wait()
        }
        let item = items.removeFirst()
        condition.broadcast()               // a putter may be waiting for this slot
        return item
    }

    var peakCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return peak
    }
}
// ANCHOR_END: bounded-queue
