import Foundation
import Primitives

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-03 exercise N solution`).
enum Solutions {
    final class TimedBoundedQueue<Element: Sendable>: TimedPutQueue, @unchecked Sendable {
        let capacity: Int
        private let condition = NSCondition()
        private var items: [Element] = []

        init(capacity: Int) { self.capacity = capacity }

        func put(_ item: Element) {
            condition.lock()
            defer { condition.unlock() }
            while items.count == capacity { condition.wait() }
            items.append(item)
            condition.broadcast()
        }

        // ANCHOR: solution-1
        /// One deadline for the whole call; after every wake-up, re-check whether there
        /// is room. `wait(until:)` returning false means the deadline passed, but a slot
        /// may have freed at the last moment: the loop's condition decides.
        func put(_ item: Element, timeout: Duration) -> Bool {
            let deadline = Date(timeIntervalSinceNow: Double(timeout.components.seconds)
                                + Double(timeout.components.attoseconds) / 1e18)
            condition.lock()
            defer { condition.unlock() }
            while items.count == capacity {
                if !condition.wait(until: deadline) && items.count == capacity { return false }
            }
            items.append(item)
            condition.broadcast()
            return true
        }
        // ANCHOR_END: solution-1

        func get() -> Element {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty { condition.wait() }
            let item = items.removeFirst()
            condition.broadcast()
            return item
        }
    }

    // ANCHOR: solution-2
    final class BlockingStack<Element: Sendable>: LastInFirstOut, @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [Element] = []

        init() {}

        func put(_ item: Element) {
            condition.lock()
            defer { condition.unlock() }
            items.append(item)
            condition.signal()
        }

        func get() -> Element {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty { condition.wait() }
            return items.removeLast()   // the end of the array is the top of the stack
        }
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    struct SmallestFirstJob: QueuedJob {
        let priority: Int
        let arrival: Int

        init(priority: Int, arrival: Int) {
            self.priority = priority
            self.arrival = arrival
        }

        /// The queue takes the largest first, so "larger" must mean "comes out sooner":
        /// a smaller priority, or the same priority and an earlier arrival.
        static func < (lhs: Self, rhs: Self) -> Bool {
            (rhs.priority, rhs.arrival) < (lhs.priority, lhs.arrival)
        }
    }
    // ANCHOR_END: solution-3

    // ANCHOR: solution-4
    static func squareThenIncrement(input: BlockingQueue<Int>, output: BlockingQueue<Int>) {
        let middle = BlockingQueue<Int>()
        // Each stage closes the queue it fills once all its threads are done; its threads
        // stop when the queue they read is closed and drained.
        let stage1 = ThreadGroup.started(2) { _ in
            while let n = try? input.get() { try? middle.put(n * n) }
        }
        let stage2 = ThreadGroup.started(2) { _ in
            while let n = try? middle.get() { try? output.put(n + 1) }
        }
        stage1.join()
        middle.close()
        stage2.join()
        output.close()
    }
    // ANCHOR_END: solution-4
}
