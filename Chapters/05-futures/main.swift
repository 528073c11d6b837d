// Chapter 05: futures. A result that arrives later, a thread pool that hands them out,
// and the bridge from blocking futures to async/await.
import Notebook
import Processes

// A copy of this program started by the process pool (cell "cpu-bound") plays its
// worker role and exits here, before the notebook exists.
if let role = WorkerRole.current() {
    runWorker(role)
}

let notebook = Notebook()
// Building a future, step by step.
notebook.cell("box", "Step 1: a box that threads wait on", oneShotBox)
notebook.cell("box-goes-wrong", "What goes wrong: a second completion, a late callback", boxGoesWrong)
notebook.cell("future", "Step 2: a future completes exactly once", futureCompletesOnce)
notebook.cell("timeout", "result(timeout:)", resultWithTimeout)
// A thread pool that returns futures.
notebook.cell("submit", "Jobs of 1, 2 and 3 units: their states after 2.5 units", submitAndLook)
notebook.cell("as-completed", "Results in completion order", resultsAsCompleted)
notebook.cell("wait", "Waiting for the first, for a while, for all", waitForFutures)
notebook.cell("map", "map: results in input order", mapInInputOrder)
notebook.cell("errors", "An error inside a job", errorsInJobs)
notebook.cell("cancel", "Cancelling a job that has not started", cancelQueuedJob)
notebook.cell("shutdown", "Shutting down", shutdownPool)
notebook.cell("scoped", "The scoped form shuts down even when the body throws", scopedPool)
// Threads or processes for CPU-bound work.
notebook.cell("cpu-bound", "CPU-bound work: thread pool vs process pool", threadsVersusProcesses)
// From futures to async/await.
await notebook.cell("bridge", "Awaiting a future", awaitAFuture)
await notebook.cell("block-or-await", "Blocking on futures inside tasks, or awaiting them", blockOrAwait)
await notebook.cell("built-in", "async let and Task: Swift's own futures", builtInFutures)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Chain futures: map a future's value",
                  starter: mapFuture, solution: Solutions.mapFuture,
                  hints: ["future.onCompletion { result in ... } runs the closure once the future completes, with a Result.",
                          "Result { try transform(try result.get()) } turns the value or the error into the new result: hand it to promise.complete(with:)."],
                  checks: checkChain)
notebook.exercise(2, "The first future to succeed",
                  starter: firstSuccess, solution: Solutions.firstSuccess,
                  hints: ["for future in Futures.asCompleted(futures) hands out each future as it completes; result() never blocks then.",
                          "Return the first result() that does not throw; remember the last error and throw it after the loop."],
                  checks: checkFirstSuccess)
notebook.exercise(3, "map with a time limit",
                  starter: mapWithTimeout, solution: Solutions.mapWithTimeout,
                  hints: ["Submit every input first, then wait for each future with result(timeout: what is left until one deadline).",
                          "When a wait throws, call cancel() on every future before rethrowing: the jobs not yet started never run."],
                  checks: checkMapTimeout)
notebook.finish()
