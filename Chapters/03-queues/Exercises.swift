import Foundation
import Primitives

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-03 exercise N` (or `make exercise-03-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1. This is a copy of the step-2 `BoundedQueue` (BoundedQueue.swift, which the
// chapter shows: leave that one as it is). Give this copy a `put(_:timeout:)` that
// returns false if no slot freed up in time. Use `condition.wait(until:)`, which returns
// false at the deadline, and re-check the predicate after it.
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

    /// Puts `item` if a slot is (or becomes) free within `timeout`; returns whether it did.
    func put(_ item: Element, timeout: Duration) -> Bool {
        // TODO: like put(_:), but wait only until the deadline.
        return false
    }

    func get() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }
}

// Exercise 2. A blocking stack (Python's `queue.LifoQueue`): `get` waits while it is
// empty, like `UnboundedQueue`, but returns the item put LAST. The starter is a copy
// of `UnboundedQueue`, which returns the item put first.
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
        return items.removeFirst()   // TODO: last in, first out
    }
}

// Exercise 3. Python's `PriorityQueue` hands out the SMALLEST item first;
// `PriorityBlockingQueue` hands out the largest. Write `<` for this job type so that the
// queue hands out the smallest priority first, and equal priorities in arrival order
// (smaller `arrival` first). Remember: the queue takes the "largest" first.
struct SmallestFirstJob: QueuedJob {
    let priority: Int
    let arrival: Int

    init(priority: Int, arrival: Int) {
        self.priority = priority
        self.arrival = arrival
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.priority < rhs.priority   // TODO: smallest first, ties in arrival order
    }
}

// Exercise 4. A two-stage pipeline: stage 1 squares the numbers from `input` into a
// middle queue, stage 2 adds 1 and puts the results into `output`. Use 2 threads per
// stage, and close each queue when the stage that fills it is done, so the next stage
// stops. Return once both stages are started (or done): the checks read `output` until
// it is closed.
func squareThenIncrement(input: BlockingQueue<Int>, output: BlockingQueue<Int>) {
    // TODO: the middle queue and the two stages.
    output.close()
}
