// Chapter 00: concurrency and parallelism. The table of contents: one line per cell.
import Notebook

let notebook = Notebook()
notebook.cell("machine", "This machine", machine)
await notebook.cell("taking-turns", "Cooperative: two tasks on one actor take turns", takingTurns)
notebook.cell("preemptive", "Preemptive: more computing threads than cores, none of them yields", preemptive)
notebook.cell("io-vs-cpu", "The same jobs as sleeps and as arithmetic", ioVersusCPU)
notebook.cell("no-gil", "No GIL: threads share memory, so sharing must be safe", noGIL)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Sleeps on DispatchQueue.concurrentPerform",
                  starter: runSleepJobs, solution: Solutions.runSleepJobs,
                  hints: ["DispatchQueue.concurrentPerform(iterations: count) { index in job(index) } runs the closure once per index and returns when all are done.",
                          "It uses about one thread per core, not one per job: on 2 cores, 8 sleeps take 4 sleeps' time."],
                  checks: checkSleepJobs)
notebook.exercise(2, "Predict a mixed job's speedup",
                  starter: predictedSpeedup, solution: Solutions.predictedSpeedup,
                  hints: ["At once, every job's sleep overlaps with the others': together they cost one sleep.",
                          "The arithmetic cannot overlap beyond the cores: jobs × compute of work on min(jobs, cores) cores."],
                  checks: checkPrediction)
notebook.exercise(3, "Repair a racy counter",
                  starter: SharedTotal.self, solution: Solutions.SharedTotal.self,
                  hints: ["The read and the write must happen as one step that no other thread can interrupt.",
                          "`import Synchronization`, then `private let count = Atomic<Int>(0)` and `count.wrappingAdd(1, ordering: .relaxed)`."],
                  checks: checkRunningTotal)
notebook.finish()
