import Foundation
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

/// What exercise 1's queue offers.
protocol TimedPutQueue<Element>: AnyObject, Sendable {
    associatedtype Element
    init(capacity: Int)
    func put(_ item: Element)
    func put(_ item: Element, timeout: Duration) -> Bool
    func get() -> Element
}

// ANCHOR: exercise-1-checks
func checkTimedPut(_ cell: Cell, _ kind: any TimedPutQueue<Int>.Type) {
    let queue = kind.init(capacity: 1)
    queue.put(1)
    let start = ContinuousClock.now
    let accepted = queue.put(2, timeout: .milliseconds(50))
    let waited = (ContinuousClock.now - start).seconds
    cell.check(!accepted, "a full queue refuses the item after the timeout")
    cell.check(waited >= 0.049, "it waited about 50 ms first (\(Format.duration(waited)))")
    // A getter frees the slot after 20 ms: a put with a 2 s timeout gets in then.
    let getter = JoinableThread(name: "getter") { Thread.sleep(forTimeInterval: 0.02); return queue.get() }
    let startSecond = ContinuousClock.now
    let acceptedLater = queue.put(3, timeout: .seconds(2))
    let waitedSecond = (ContinuousClock.now - startSecond).seconds
    let got = getter.join()
    cell.check(acceptedLater && waitedSecond < 1.5, "a slot freed in time is taken at once (after \(Format.duration(waitedSecond)))")
    cell.check(got == 1 && (acceptedLater ? queue.get() == 3 : true), "the items come out in order")
}
// ANCHOR_END: exercise-1-checks

/// What exercise 2's stack offers.
protocol LastInFirstOut<Element>: AnyObject, Sendable {
    associatedtype Element
    init()
    func put(_ item: Element)
    func get() -> Element
}

// ANCHOR: exercise-2-checks
func checkStack(_ cell: Cell, _ kind: any LastInFirstOut<Int>.Type) {
    let stack = kind.init()
    for item in 1...3 { stack.put(item) }
    let out = (0..<3).map { _ in stack.get() }
    cell.check(out == [3, 2, 1], "last in, first out: \(out)")
    // A consumer waits on the empty stack until a producer puts.
    let consumer = JoinableThread(name: "consumer") { stack.get() }
    Thread.sleep(forTimeInterval: 0.02)
    stack.put(42)
    let received = consumer.join(timeout: .seconds(2))
    cell.check(received == 42, "a get on the empty stack waits for the next put (got \(received.map(String.init) ?? "nothing within 2 s"))")
}
// ANCHOR_END: exercise-2-checks

/// What exercise 3's job type offers.
protocol QueuedJob: Comparable, Sendable {
    init(priority: Int, arrival: Int)
    var priority: Int { get }
    var arrival: Int { get }
}

// ANCHOR: exercise-3-checks
func checkSmallestFirst(_ cell: Cell, _ kind: any QueuedJob.Type) throws {
    try checkOrder(cell, kind)
}

private func checkOrder<Job: QueuedJob>(_ cell: Cell, _ kind: Job.Type) throws {
    let queue = PriorityBlockingQueue<Job>()
    for (arrival, priority) in [3, 1, 2, 1, 3].enumerated() { try queue.put(Job(priority: priority, arrival: arrival)) }
    queue.close()
    var out: [Job] = []
    while let job = try? queue.get() { out.append(job) }
    let shown = out.map { "p\($0.priority)#\($0.arrival)" }
    cell.check(out.map(\.priority) == [1, 1, 2, 3, 3], "smallest priority first: \(shown)")
    cell.check(out.map(\.arrival) == [1, 3, 2, 0, 4], "equal priorities in arrival order: \(shown)")
}
// ANCHOR_END: exercise-3-checks

// ANCHOR: exercise-4-checks
func checkPipeline(_ cell: Cell, _ pipeline: @Sendable (BlockingQueue<Int>, BlockingQueue<Int>) -> Void) throws {
    let input = BlockingQueue<Int>()
    let output = BlockingQueue<Int>()
    for n in 1...10 { try input.put(n) }
    input.close()
    pipeline(input, output)
    var results: [Int] = []
    var gaveUp = false
    while true {
        do { results.append(try output.get(timeout: .seconds(5))) } catch {
            gaveUp = error == .timedOut
            break
        }
    }
    cell.check(!gaveUp, "the output queue was closed when the stages were done")
    cell.check(results.sorted() == (1...10).map { $0 * $0 + 1 }, "every number squared then incremented: \(results.sorted())")
}
// ANCHOR_END: exercise-4-checks
