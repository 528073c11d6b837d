// Chapter 10: actors across processes. One program, two parts, as in chapter 04: the
// parent runs the notebook below; copies of this executable started with
// `--worker-role NAME` host distributed actors and serve the parent's calls.
import Notebook
import Processes

// A test runner may start this program from a thread with signals blocked, and the
// workers would inherit that (chapter 04): start clean.
SignalMask.unblockAll()

if let role = WorkerRole.current() {
    runWorker(role)
}

let notebook = Notebook()
await notebook.cell("same-actor", "The same actor, here and in a worker process", sameActorBothSides)
await notebook.cell("on-the-wire", "What a remote call looks like on the pipe", onTheWire)
await notebook.cell("many-callers", "Many tasks call one remote actor at once", manyCallers)
await notebook.cell("reference-or-copy", "A class argument: the same object here, a copy there", referenceOrCopy)
await notebook.cell("errors-cross", "Errors thrown in the worker reach the caller", errorsCross)
await notebook.cell("cost", "What a call costs: function, actor, distributed actor, another process", callCost)
await notebook.cell("worker-killed", "The worker is killed in the middle of calls", workerKilled)
notebook.cell("no-leftovers", "Nothing outlives the chapter", noLeftovers)
// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "An error that crosses as itself",
                  starter: translateAtBoundary, solution: Solutions.translateAtBoundary,
                  hints: ["Which errors does RemoteFailure rebuild on the caller's side as themselves? OrderRejected is one of them.",
                          "String(describing: error) keeps the decoder's explanation, which names the missing key."],
                  checks: checkErrorCrosses)
notebook.exercise(2, "Twenty look-ups at once",
                  starter: lookUpAll, solution: Solutions.lookUpAll,
                  hints: ["A task group (chapter 08): one child task per id, each returning its index with its answer.",
                          "The worker can run the twenty together because an actor is reentrant: while one lookUp sleeps, the next one starts."],
                  checks: checkLookUps)
notebook.exercise(3, "Carry on with a new worker",
                  starter: takeWithNewWorker, solution: Solutions.takeWithNewWorker,
                  hints: ["Catch ProcessActorError.workerDied only: any other error is not yours to hide.",
                          "system.startWorker(role: \"exercise-host\") returns the new worker's pid; resolve ProcessActorID(pid: pid, name: \"shelf\")."],
                  checks: checkNewWorker)
notebook.finish()
