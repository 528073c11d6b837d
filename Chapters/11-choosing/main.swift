// Chapter 11: choosing a model. The table of contents: one line per cell.
import Notebook

// A worker process started by a process pool serves its jobs here and never reaches the
// notebook.
ShowdownRole.serveIfWorker()
C10kServer.serveIfWorker()

let notebook = Notebook()
notebook.cell("machine", "The machine and the contenders", machine)
notebook.cell("round-robin", "Resumable jobs, round-robin on one thread", roundRobin)
await notebook.cell("loop-numbers", "One event loop: a server, its clients and a thousand timers", loopNumbers)
await notebook.cell("c10k", "C10k: ten thousand connections", c10k)
await notebook.cell("io-showdown", "I/O-bound: \(Settings.pages) pages, \(Settings.delay) each", ioShowdown)
await notebook.cell("client-cost", "Where URLSession's time goes", clientCost)
await notebook.cell("cpu-showdown", "CPU-bound: counting primes", cpuShowdown)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Beat the hidden connection limit",
                  starter: pageFetchSettings, solution: Solutions.pageFetchSettings,
                  hints: ["Change one number at a time and watch the server's count of requests at once.",
                          "40 pages of 50 ms in under 0.2 s leaves room for at most 3 rounds: both the threads and the connections must be at least 40 / 3."],
                  checks: checkHiddenLimit)
notebook.exercise(2, "Primes on concurrentPerform, by hand",
                  starter: countChunks, solution: Solutions.countChunks,
                  hints: ["DispatchQueue.concurrentPerform(iterations: chunks.count) { index in ... } hands each index to one of about as many threads as cores.",
                          "Inside: tally.add(count(chunks[index])). Tally is safe to add to from any thread."],
                  checks: checkPrimesByHand)
notebook.finish()
