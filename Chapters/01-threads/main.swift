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

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Ten threads, ten squares",
                  starter: squaresOnTenThreads, solution: Solutions.squaresOnTenThreads,
                  hints: ["JoinableThread(name: \"square-\\(k)\") { k * k } starts a thread at once; join() returns what the closure returned.",
                          "Start all ten with one map, then join them with a second map: joining inside the first would run them one at a time."],
                  checks: checkTenSquares)
notebook.exercise(2, "A call counter per thread",
                  starter: callsSoFar, solution: Solutions.callsSoFar,
                  hints: ["Thread.current.threadDictionary is an NSMutableDictionary that only the current thread sees.",
                          "Read the count with `as? Int ?? 0`, add one, store it back, return it."],
                  checks: checkCallCounter)
notebook.exercise(3, "Small stacks",
                  starter: smallStackThreads, solution: Solutions.smallStackThreads,
                  hints: ["JoinableThread(name:stackSize:) takes the stack size in bytes; inside the closure, return Thread.current.stackSize.",
                          "For the 1,000 threads, start them all with one map before joining any; each can return 1, and the sum is the count."],
                  checks: checkSmallStacks)
notebook.exercise(4, "Prime count on two pthreads",
                  starter: countPrimesOnTwoPthreads, solution: Solutions.countPrimesOnTwoPthreads,
                  hints: ["try PosixThread { Primes.count(in: 0..<middle) } starts one; join() consumes it and returns the count.",
                          "Split the range at limit / 2 into two `let`s; the upper half has fewer primes but larger numbers to test."],
                  checks: checkTwoPthreads)
notebook.finish()
