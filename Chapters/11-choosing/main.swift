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

notebook.exercise(1, "Beat the hidden connection limit", exerciseHiddenLimit)
notebook.exercise(2, "Primes on concurrentPerform, by hand", exercisePrimesByHand)
notebook.finish()
