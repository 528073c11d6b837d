import Foundation
import Notebook

// The C10k cell runs each half of its experiment in a child process: this same program,
// started with a role argument. A child does its job, prints its report and exits here.
if let role = C10k.Role(arguments: CommandLine.arguments) {
    await role.run()
    exit(0)
}

let notebook = Notebook()
await notebook.cell("sum-vs-max", "Two awaits in a row take the sum; two at once take the max", sumVersusMax)
await notebook.cell("task-handles", "Task {} starts at once; its handle's value is its result", taskHandles)
await notebook.cell("task-inherits-actor", "Task {} from an actor waits for it; Task.immediate does not", taskFromAnActorCell)
await notebook.cell("async-let-scope", "async let ends with its scope; Task {} outlives it", asyncLetScope)
await notebook.cell("detached", "Task.detached inherits nothing", detachedTasks)
await notebook.cell("priorities", "Priorities: a hint to the scheduler, and escalation", prioritiesCell)
await notebook.cell("cancellation", "Cancellation is a request the task must check", cancellation)
await notebook.cell("cancellation-handler", "withTaskCancellationHandler: a callback API made cancellable", cancellationHandler)
await notebook.cell("timeout", "A timeout is a race between the work and a timer", timeouts)
await notebook.cell("starvation", "Blocking calls starve the task pool", starvation)
await notebook.cell("actor-counter", "An actor protects its state without a lock", actorCounter)
await notebook.cell("reentrancy", "Actor re-entrancy: state changes across an await", reentrancy)
await notebook.cell("main-actor", "@MainActor is an actor, not a thread", mainActorCell)
await notebook.cell("async-range", "An async sequence: a ticking range", asyncRange)
await notebook.cell("stream-generator", "AsyncStream as an async generator", streamGenerator)
await notebook.cell("stream-no-backpressure", "AsyncStream as a queue: the buffer grows", streamNoBackpressure)
await notebook.cell("bounded-channel", "A bounded channel makes the producer wait", boundedChannel)
await notebook.cell("scoped-resource", "Scoped async resources: with-functions", scopedResource)
await notebook.cell("task-local", "@TaskLocal follows the task; thread-locals stay with the thread", taskLocals)
notebook.cell("c10k", "C10k: 10,000 tasks vs 10,000 threads", c10k)
await notebook.cell("downloads", "Concurrent downloads from the loopback server", downloads)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Fetch three pages at once",
                  starter: fetchThreePages, solution: Solutions.fetchThreePages,
                  hints: ["`async let first = client.get(...)` starts the request and moves on; `try await first` waits for it.",
                          "Write all three async lets first, then await them together: return try await [first, second, third]."],
                  checks: checkConcurrentPages)
notebook.exercise(2, "Keep the heartbeat alive",
                  starter: heartbeatJob, solution: Solutions.heartbeatJob,
                  hints: ["usleep holds a thread of the task pool for the whole 100 ms; the pool has one thread per core.",
                          "try? await Task.sleep(for: .milliseconds(100)) waits without holding a thread (or run the usleep off the pool with runOffThePool)."],
                  checks: checkHeartbeat)
notebook.exercise(3, "One fetch for many callers",
                  starter: PageCache.self, solution: Solutions.PageCache.self,
                  hints: ["Every caller that arrives during the 50 ms sleep finds no page yet: the actor is re-entered at each await.",
                          "Store the in-progress fetch, a Task<String, Never>, in the dictionary before awaiting it; later callers await the same task's value."],
                  checks: checkPageCache)
notebook.finish()
