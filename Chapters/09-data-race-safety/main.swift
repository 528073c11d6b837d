import Notebook

let notebook = Notebook()
await notebook.cell("domains", "Isolation domains, and where each function ran", isolationDomains)
await notebook.cell("sendable-kinds", "What may cross: Sendable values", sendableKinds)
notebook.cell("unchecked-locked", "@unchecked Sendable, with the promise kept", uncheckedButLocked)
await notebook.cell("metatypes", "Metatypes of generic parameters", metatypes)
await notebook.cell("hand-over", "A non-Sendable value handed over, and a sending parameter", handOver)
await notebook.cell("sending-result", "A sending result leaves an actor", sendingResult)
await notebook.cell("global-fixes", "Global and static state, three fixes", globalFixes)
await notebook.cell("capture-fixes", "Captures in concurrent closures, three fixes", captureFixes)
await notebook.cell("task-capture-fixes", "A parameter captured by a task, two fixes", taskCaptureFixes)
await notebook.cell("captured-var-fixes", "A captured var changed concurrently, two fixes", capturedVarFixes)
await notebook.cell("main-actor-fixes", "Main-actor state from outside, three fixes", mainActorFixes)
await notebook.cell("conformance-fixes", "Conformances that cross into the main actor", conformanceFixes)
await notebook.cell("nonsending-concurrent", "nonisolated(nonsending) and @concurrent", nonsendingAndConcurrent)
notebook.cell("assume-isolated", "assumeIsolated: a run-time check that lets you in", assumeIsolatedCell)
notebook.cell("unsafe-but-locked", "nonisolated(unsafe), with a lock", unsafeButLocked)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Stay on the caller's actor",
                  starter: tidy, solution: Solutions.tidy,
                  hints: ["A plain `async` function in this book's build runs on the global pool, whoever calls it.",
                          "The section on where async functions run names a modifier that keeps one on its caller's actor (SE-0461)."],
                  checks: checkTidy)
notebook.exercise(2, "Leave the caller's actor",
                  starter: digest, solution: Solutions.digest,
                  hints: ["`@Studio` ties `digest` to the actor: remove it, and ask where a plain `async` function runs in each mode.",
                          "One attribute says 'always the global pool', in every mode (SE-0461). The body does not change."],
                  checks: checkDigest)
notebook.exercise(3, "Which vault am I on?",
                  starter: { vault, isolation in isRunning(on: vault, isolation) } as IsRunningFunction,
                  solution: { vault, isolation in Solutions.isRunning(on: vault, isolation) } as IsRunningFunction,
                  hints: ["`isolation` is the caller's actor, or nil. Compare it with `vault` by identity.",
                          "Actors are reference types: `===` works on `any Actor` values."],
                  checks: checkIsRunning)
notebook.exercise(4, "A Sendable visit log",
                  starter: VisitLog.self, solution: Solutions.VisitLog.self,
                  hints: ["`visits` is a `Mutex`: the only way in is `withLock { ... }`.",
                          "`withLock` hands you the array `inout`: append to it there, and read it the same way."],
                  checks: checkVisitLog)
notebook.finish()
