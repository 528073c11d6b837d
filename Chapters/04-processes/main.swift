// Chapter 04: processes. One program, two parts: the parent runs the notebook below;
// copies of this same executable, started with `--worker-role NAME`, run a worker role.
import Notebook
import Processes

// Whoever started this program may have blocked signals in the thread that started it
// (test runners do), and this program's children would inherit that: start clean.
SignalMask.unblockAll()

// ANCHOR: role-check
// A copy started as a worker plays its role and exits here, before the notebook
// exists: a worker prints nothing of the chapter.
if let role = WorkerRole.current() {
    runWorker(role)
}
// ANCHOR_END: role-check

let notebook = Notebook()
notebook.cell("spawn", "Start a copy of this program as a worker", spawnWorker)
notebook.cell("terminate", "Stop a worker with SIGTERM", terminateWorker)
notebook.cell("inherited-signal-mask", "A child inherits the blocked signals of the thread that starts it", inheritedSignalMask)
notebook.cell("fork", "Why not fork()", forkHazard)
notebook.cell("messages", "Messages both ways over pipes", exchangeMessages)
notebook.cell("bad-messages", "A worker that sends nonsense", badMessages)
notebook.cell("pipe-deadlock", "The full-pipe deadlock, detected and avoided", pipeDeadlock)
notebook.cell("pool", "A process pool: map, results in input order", poolMap)
notebook.cell("pool-failures", "A crash and a hang in the pool", poolFailures)
notebook.cell("shared-memory", "A counter in shared memory, raced and then atomic", sharedCounter)
notebook.cell("primes", "CPU-bound work: sequential, threads, processes", primes)
notebook.cell("startup", "What it costs to start a process, a thread, a task", startupCost)
notebook.cell("orphans", "A worker whose parent dies ends by itself", orphans)
notebook.cell("no-leftovers", "Nothing outlives the chapter", noLeftovers)
// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "A worker role of your own",
                  starter: vowelCount, solution: Solutions.vowelCount,
                  hints: ["The job runs in a worker process, but it is an ordinary function of a String: try it in the parent first.",
                          "word.lowercased().filter { \"aeiou\".contains($0) }.count"],
                  checks: checkOwnRole)
notebook.exercise(2, "A timeout for slow inputs",
                  starter: slowInputTimeout, solution: Solutions.slowInputTimeout,
                  hints: ["Input 2 sleeps 400 ms and input 3 sleeps 600 ms: the timeout goes between them.",
                          "Leave room on both sides: a worker on a busy machine starts late, and a timeout too close to 400 ms fails input 2 now and then."],
                  checks: checkTimeout)
notebook.exercise(3, "An array in shared memory",
                  starter: writeOwnPid, solution: Solutions.writeOwnPid,
                  hints: ["try SharedMemory(opening: segmentName) maps the parent's segment; segment.pointer.bindMemory(to: Int32.self, capacity: 4) makes it an array.",
                          "Keep the segment alive while you write (withExtendedLifetime), and store getpid() at your slot: each worker has its own, so no lock is needed."],
                  checks: checkSharedArray)
notebook.finish()
