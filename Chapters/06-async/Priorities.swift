import Foundation
import Notebook
import Primitives

/// About 5 ms of arithmetic that the optimiser cannot remove.
func busyWork() -> Double {
    var total = 0.0
    for step in 0..<2_000_000 { total += Double(step).squareRoot() }
    return total
}

// ANCHOR: priorities
@available(macOS 26.0, *)  // withTaskPriorityEscalationHandler is new in Swift 6.2
func priorities(_ cell: Cell) async {
    // 40 CPU-bound children, alternately .background and .high, queued at once on a pool
    // of one thread per core. Which finish first?
    let finished = Locked<[TaskPriority]>([])
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<40 {
            let priority: TaskPriority = index.isMultiple(of: 2) ? .background : .high
            group.addTask(priority: priority) {
                _ = busyWork()
                finished.withLock { $0.append(priority) }
            }
        }
    }
    let order = finished.withLock { $0 }
    func meanHighPlace(_ order: [TaskPriority]) -> Double {
        let places = order.indices.filter { order[$0] == .high }
        return Double(places.reduce(0, +)) / Double(max(1, places.count))
    }
    let meanHighRank = meanHighPlace(order)
    // The two orders to compare with: the queue's (high children at the odd places) and
    // every high child first.
    let queued = (0..<40).map { $0.isMultiple(of: 2) ? TaskPriority.background : .high }
    let queueOrderMean = meanHighPlace(queued)
    let highFirstMean = meanHighPlace(queued.sorted { $0 > $1 })
    print("finishing order (H = high, b = background): \(order.map { $0 == .high ? "H" : "b" }.joined())")
    print("mean finishing place of the high-priority children: \(Format.number(meanHighRank, digits: 1)) (0 = first, 39 = last; queue order: \(Format.number(queueOrderMean, digits: 1)); all high first: \(Format.number(highFirstMean, digits: 1)))")

    // Escalation (SE-0462): a high-priority task that awaits a low-priority one raises
    // the low one's priority, so that a scheduler that honours priorities does not keep
    // the waiter behind other low-priority work.
    let lowStarted = Locked(false)
    let low = Task(priority: .background) { () -> (before: TaskPriority, after: TaskPriority, handlerSaw: TaskPriority?) in
        let before = Task.currentPriority
        let handlerSaw = Locked<TaskPriority?>(nil)
        return await withTaskPriorityEscalationHandler {
            lowStarted.withLock { $0 = true }
            try? await Task.sleep(for: .milliseconds(100))  // nobody cancels this task
            return (before, Task.currentPriority, handlerSaw.withLock { $0 })
        } onPriorityEscalated: { _, new in handlerSaw.withLock { $0 = new } }
    }
    let giveUp = ContinuousClock.now + .seconds(5)  // until it has read its priority (bounded)
    while !lowStarted.withLock({ $0 }) && ContinuousClock.now < giveUp { await Task.yield() }
    let seen = await Task(priority: .high) { await low.value }.value
    print("low task: priority \(seen.before) at start, \(seen.after) after a .high task awaited it")
    print("its escalation handler was told: \(seen.handlerSaw.map { "\($0)" } ?? "nothing")")
// ANCHOR_END: priorities
    cell.value("priority-mean-high-rank", meanHighRank, digits: 1)
    cell.value("priority-queue-order-mean", queueOrderMean, digits: 1)
    cell.value("priority-high-first-mean", highFirstMean, digits: 1)
    let nearQueueOrder = abs(meanHighRank - queueOrderMean) <= abs(meanHighRank - highFirstMean)
    cell.value("priority-verdict", text: nearQueueOrder
        ? "nearer the queue order than the high-first order: the pool took little or no notice of priority when ordering the work"
        : "nearer the high-first order than the queue order: the high-priority children mostly went first")
    cell.value("priority-before", text: "\(seen.before)")
    cell.value("priority-after", text: "\(seen.after)")
    cell.check(order.count == 40, "all 40 children finished, whatever their priority")
    cell.check(seen.before == .background, "the low task started at .background")
    cell.check(seen.after >= .high, "awaited by a .high task, it ran at \(seen.after) (escalated)")
    cell.check(seen.handlerSaw.map { $0 >= .high } == true, "withTaskPriorityEscalationHandler saw the escalation")
}

/// The cell: on Linux the APIs above always exist; an older macOS lacks them, and says so.
func prioritiesCell(_ cell: Cell) async {
    if #available(macOS 26.0, *) {
        await priorities(cell)
    } else {
        cell.check(false, "withTaskPriorityEscalationHandler (SE-0462) needs macOS 26 or Linux")
    }
}
