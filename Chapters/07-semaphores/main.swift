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

notebook.exercise(1, "Three at a time", exerciseThreeAtATime)
notebook.exercise(2, "Find the extra release", exerciseExtraRelease)
notebook.exercise(3, "A token bucket", exerciseTokenBucket)
notebook.exercise(4, "A reusable barrier", exerciseCyclicBarrier)
notebook.finish()
