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
await notebook.cell("errors-cross", "Errors thrown in the worker reach the caller", errorsCross)
await notebook.cell("cost", "What a call costs: function, actor, distributed actor, another process", callCost)
await notebook.cell("worker-killed", "The worker is killed in the middle of calls", workerKilled)
notebook.cell("no-leftovers", "Nothing outlives the chapter", noLeftovers)
notebook.exercise(1, "An error that crosses as itself", exerciseErrorCrosses)
notebook.exercise(2, "Twenty look-ups at once", exerciseLookUps)
notebook.exercise(3, "Carry on with a new worker", exerciseNewWorker)
notebook.finish()
