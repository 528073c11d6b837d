// Chapter 00: concurrency and parallelism. The table of contents: one line per cell.
import Notebook

let notebook = Notebook()
notebook.cell("machine", "This machine", machine)
await notebook.cell("taking-turns", "Cooperative: two tasks on one actor take turns", takingTurns)
notebook.cell("preemptive", "Preemptive: more computing threads than cores, none of them yields", preemptive)
notebook.cell("io-vs-cpu", "The same jobs as sleeps and as arithmetic", ioVersusCPU)
notebook.cell("no-gil", "No GIL: threads share memory, so sharing must be safe", noGIL)

notebook.exercise(1, "Sleeps on DispatchQueue.concurrentPerform", exerciseConcurrentPerform)
notebook.exercise(2, "Predict a mixed job's speedup", exercisePredictMixed)
notebook.exercise(3, "Repair a racy counter", exerciseRacyCounter)
notebook.finish()
