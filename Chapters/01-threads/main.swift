// Chapter 01: threads. The table of contents: one line per cell, in the book's order.
import Foundation
import Notebook

// A child started by the daemon-thread cell runs its role and exits here, before a
// notebook exists, so that it prints only its own lines.
if let role = DaemonDemoRole(arguments: CommandLine.arguments) { role.run() }
if CommandLine.arguments.dropFirst().first == parkThreadsRole { parkThreadsAndReport() }

let notebook = Notebook()
notebook.cell("start-threads", "Start threads from closures", startThreads)
notebook.cell("name-before-start", "A name set before start() is lost", nameBeforeStart)
notebook.cell("name-inside", "A name set inside the thread, and the race", nameInside)
notebook.cell("name-from-outside", "A name set from outside, and the 15-byte limit", nameFromOutside)
notebook.cell("semaphore-join", "Joining with a semaphore, and its flaw", semaphoreJoin)
notebook.cell("joinable-thread-use", "JoinableThread: join, join with a timeout, many joiners", joinableThreadUse)
notebook.cell("is-alive", "isExecuting and isFinished", isAlive)
notebook.cell("own-a-thread", "A type that owns its thread", owningAThread)
notebook.cell("pthread-join", "pthread_create and pthread_join", pthreadJoin)
notebook.cell("daemon-threads", "Every thread is a daemon", daemonThreads)
notebook.cell("five-workers", "Five sleepers at once", fiveWorkers)
notebook.cell("thread-local", "One client per thread", threadLocal)
notebook.cell("no-gil", "No GIL: CPU-bound work on 1, 2 and 4 threads", noGIL)
notebook.cell("thread-cost", "What a thread costs", threadCost)
notebook.cell("thread-memory", "A stack is reserved, not used", threadMemory)

notebook.exercise(1, "Ten threads, ten squares", exerciseSquares)
notebook.exercise(2, "A call counter per thread", exerciseCallCounter)
notebook.exercise(3, "Small stacks", exerciseSmallStacks)
notebook.exercise(4, "Prime count on two pthreads", exerciseTwoPthreads)
notebook.finish()
