import Foundation
import Notebook

// The child process of the cell "sync-crash" runs this program with one argument.
if CommandLine.arguments.contains(syncOnOwnQueueArgument) { crashBySyncOnOwnQueue() }

let notebook = Notebook()
// Building a blocking queue, step by step.
notebook.cell("naive", "Step 1: a queue whose get waits", naiveQueue)
notebook.cell("unbounded-growth", "What goes wrong: a fast producer, a slow consumer", unboundedGrowth)
notebook.cell("bounded", "Step 2: a bounded queue makes the producer wait", boundedBackpressure)
// The library's BlockingQueue: stopping, timeouts, finished work.
notebook.cell("sentinel", "Stopping consumers with sentinels", sentinelStop)
notebook.cell("close", "Stopping consumers by closing the queue", closeStop)
notebook.cell("timeout", "get with a timeout", getWithTimeout)
notebook.cell("join", "taskDone and join: waiting for the work, not just the queue", taskDoneJoin)
// Many producers and consumers.
notebook.cell("exactly-once", "Four producers, four consumers: every item exactly once", exactlyOnce)
notebook.cell("timeline", "A bounded queue over time", boundedTimeline)
// Priorities.
notebook.cell("priority", "A priority queue: most urgent first", priorityQueue)
// Dispatch queues.
notebook.cell("serial-queue", "A serial queue instead of a lock", serialQueue)
notebook.cell("async-vs-sync", "async returns at once, sync waits", asyncVersusSync)
notebook.cell("barrier", "A concurrent queue with barrier writes", barrierWrites)
notebook.cell("group", "DispatchGroup: wait and notify", dispatchGroup)
notebook.cell("sync-on-self", "Why sync onto your own queue deadlocks", syncOntoOwnQueue)
notebook.cell("sync-crash", "What Dispatch does about it", syncOnOwnQueueCrash)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "A queue with put(_:timeout:)",
                  starter: TimedBoundedQueue<Int>.self, solution: Solutions.TimedBoundedQueue<Int>.self,
                  hints: ["Compute one deadline (a Date) at the start, then loop `while items.count == capacity`, waiting with condition.wait(until: deadline).",
                          "wait(until:) returns false at the deadline: then give up, unless a slot freed at the last moment. Append and broadcast as put(_:) does."],
                  checks: checkTimedPut)
notebook.exercise(2, "A LIFO stack queue",
                  starter: BlockingStack<Int>.self, solution: Solutions.BlockingStack<Int>.self,
                  hints: ["Only one line differs from UnboundedQueue: which end of the array get takes from.",
                          "items.removeLast() takes the item put last."],
                  checks: checkStack)
notebook.exercise(3, "Smallest first: Python's PriorityQueue order",
                  starter: SmallestFirstJob.self, solution: Solutions.SmallestFirstJob.self,
                  hints: ["PriorityBlockingQueue hands out the element for which `<` says it is the largest: reverse the comparison.",
                          "Compare tuples: (rhs.priority, rhs.arrival) < (lhs.priority, lhs.arrival)."],
                  checks: checkSmallestFirst)
notebook.exercise(4, "A pipeline of two queues",
                  starter: squareThenIncrement, solution: Solutions.squareThenIncrement,
                  hints: ["ThreadGroup.started(2) { _ in while let n = try? input.get() { ... } } runs a stage on two threads; try? get() returns nil once the queue is closed and drained.",
                          "Join stage 1, then close the middle queue; join stage 2, then close output."],
                  checks: checkPipeline)
notebook.finish()
