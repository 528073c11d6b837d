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

notebook.exercise(1, "A queue with put(_:timeout:) on the step-2 queue", exerciseBoundedTimeout)
notebook.exercise(2, "A LIFO stack queue", exerciseStackQueue)
notebook.exercise(3, "Smallest first: Python's PriorityQueue order", exerciseSmallestFirst)
notebook.exercise(4, "A pipeline of two queues", exercisePipeline)
notebook.finish()
