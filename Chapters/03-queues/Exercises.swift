import Foundation
import Notebook
import Primitives

// Run one with `swift run chapter-03 exercise N`. Each starts failing; make its checks pass.

// ANCHOR: exercise-1
/// Exercise 1. Give the step-2 `BoundedQueue` a `put(_:timeout:)` that returns false if
/// no slot freed up in time (use `condition.wait(until:)`, which returns false at the
/// deadline, and remember to re-check the predicate after it).
func exerciseBoundedTimeout(_ cell: Cell) {
    let queue = BoundedQueue<Int>(capacity: 1)
    queue.put(1)
    let start = ContinuousClock.now
    let accepted = true   // TODO: replace with `queue.put(2, timeout: .milliseconds(50))`
    let waited = (ContinuousClock.now - start).seconds
    cell.check(!accepted, "a full queue refuses the item after the timeout")
    cell.check(waited >= 0.049, "it waited about 50 ms first (\(waited) s)")
}
// ANCHOR_END: exercise-1

/// Exercise 2. Write `BlockingStack<Element>`: like `UnboundedQueue`, but `get` returns the
/// item put LAST (Python's `queue.LifoQueue`). Then use it below instead of the array.
func exerciseStackQueue(_ cell: Cell) {
    var stack: [Int] = []           // TODO: a BlockingStack shared with a consumer thread
    for item in 1...3 { stack.append(item) }
    let out = [stack.removeFirst(), stack.removeFirst(), stack.removeFirst()]
    cell.check(out == [3, 2, 1], "last in, first out: \(out)")
}

/// Exercise 3. Python's `PriorityQueue` hands out the SMALLEST item first. Define a job
/// type whose `<` makes `PriorityBlockingQueue` do the same, with ties in arrival order.
func exerciseSmallestFirst(_ cell: Cell) throws {
    let queue = PriorityBlockingQueue<Int>()   // TODO: a job type ordered smallest-first
    for priority in [3, 1, 2] { try queue.put(priority) }
    queue.close()
    var out: [Int] = []
    while let item = try? queue.get() { out.append(item) }
    cell.check(out == [1, 2, 3], "smallest first: \(out)")
}

/// Exercise 4. Build a two-stage pipeline: stage 1 squares numbers from `input` into
/// `middle`, stage 2 adds 1 and puts into `output`; close each queue when its stage is
/// done so the next stage stops. Use 2 threads per stage.
func exercisePipeline(_ cell: Cell) throws {
    let input = BlockingQueue<Int>()
    let output = BlockingQueue<Int>()
    // TODO: the middle queue and the two stages.
    for n in 1...10 { try input.put(n) }
    input.close()
    output.close()
    var results: [Int] = []
    while let value = try? output.get() { results.append(value) }
    cell.check(results.sorted() == (1...10).map { $0 * $0 + 1 }, "every number squared then incremented: \(results.sorted())")
}
