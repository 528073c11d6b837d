import Foundation
import Notebook

// The over-release cell starts this program again in a child role that crashes on purpose.
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == SemaphoreTrap.role {
    SemaphoreTrap.releaseBelowInitialValue()
}

let notebook = Notebook()
notebook.cell("mutex", "A semaphore with one key is a mutex", semaphoreAsMutex)
notebook.cell("three-keys", "DispatchSemaphore: 10 threads, 3 keys", threeKeys)
notebook.cell("over-release", "Releasing more than acquired", overRelease)
notebook.cell("semaphore-trap", "A DispatchSemaphore released below its initial value", semaphoreReleasedTooLow)
await notebook.cell("blocking-in-async", "DispatchSemaphore in async code blocks the pool", blockingInAsync)
await notebook.cell("cancelled-waiter", "An async semaphore, and a waiter that gives up", cancelledWaiter)
await notebook.cell("hundred-downloads", "100 downloads, 10 in flight", hundredDownloads)
notebook.cell("signalling", "Signalling and rendezvous", signalling)
notebook.cell("barrier", "A barrier between phases", barrier)
await notebook.cell("rate-vs-concurrency", "A rate limit is not a concurrency limit", rateVersusConcurrency)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Three at a time",
                  starter: downloadAll, solution: Solutions.downloadAll,
                  hints: ["Make one AsyncSemaphore(permits: 3) before the task group, so that all the tasks share it.",
                          "Inside each task: try? await permits.withPermit { await download() }."],
                  checks: checkThreeAtATime)
notebook.exercise(2, "Find the extra release",
                  starter: copyFile, solution: Solutions.copyFile,
                  hints: ["Follow a file whose number is a multiple of 3: how many times does it release?",
                          "`defer { try? pool.release() }` right after acquire(), and `return` for the empty file, leaves exactly one release on every path."],
                  checks: checkExtraRelease)
notebook.exercise(3, "A token bucket",
                  starter: TokenBucket.self, solution: Solutions.TokenBucket.self,
                  hints: ["A full bucket lets a caller start up to `burst - 1` intervals before the slot the plain rate limiter would give it.",
                          "start = max(now, nextSlot - interval * (burst - 1)); nextSlot = max(nextSlot, now) + interval; sleep only if start is in the future."],
                  checks: checkTokenBucket)
notebook.exercise(4, "A reusable barrier",
                  starter: CyclicBarrier.self, solution: Solutions.CyclicBarrier.self,
                  hints: ["Keep a count of arrivals and a generation number, both guarded by one NSCondition.",
                          "The last to arrive resets the count, increments the generation and broadcasts; the others wait `while generation == theirs`."],
                  checks: checkCyclicBarrier)
notebook.finish()
