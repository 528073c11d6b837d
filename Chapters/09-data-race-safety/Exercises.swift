import Dispatch
import Notebook
import Synchronization

/// Exercises are synchronous functions (the notebook runs them directly, on the main
/// actor); this runs an async body to completion in a detached task and waits for it.
/// The body must not need the main actor, which is busy waiting here: the exercises use
/// the `Studio` global actor instead.
func runExercise(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await body()
        done.signal()
    }
    done.wait()
}

/// Hints for each exercise, in the order a student should read them.
let exerciseHints: [Int: [String]] = [
    1: ["A plain `async` function in this book's build runs on the global pool, whoever calls it.",
        "The section on where async functions run names a modifier that keeps one on its caller's actor (SE-0461)."],
    2: ["`@Studio` ties `digest` to the actor: remove it, and ask where a plain `async` function runs in each mode.",
        "One attribute says 'always the global pool', in every mode (SE-0461). The body does not change."],
    3: ["`isolation` is the caller's actor, or nil. Compare it with `vault` by identity.",
        "Actors are reference types: `===` works on `any Actor` values."],
    4: ["`visits` is a `Mutex`: the only way in is `withLock { ... }`.",
        "`withLock` hands you the array `inout`: append to it there, and read it the same way."],
]

// ANCHOR: exercise-1
/// Exercise 1: `tidy` is called from the Studio actor and should run there, without a
/// hop to the global pool. Change only its declaration.
func tidy(_ title: String) async -> (title: String, ranIn: String) {
    (title.trimmingCharacters(in: .whitespaces).capitalized, domainName())
}

func exerciseCallersActor(_ cell: Cell) {
    runExercise { await checkTidy(cell, tidy) }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: `digest` is CPU work, and as written it runs on the Studio actor, holding
/// up everything else queued there. Make it leave for the global pool, whoever calls it
/// and whatever the build's default isolation. Change only its declaration.
@Studio func digest(_ text: String) async -> (value: Int, ranIn: String) {
    (text.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, domainName())
}

func exerciseLeaveTheActor(_ cell: Cell) {
    runExercise { await checkDigest(cell, digest) }
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: answer "is my caller running on this very vault?", at run time.
actor Vault {
    let name: String
    init(name: String) { self.name = name }

    /// Asks `question` about `other` from inside this vault.
    func ask(about other: Vault, _ question: @Sendable (Vault, isolated Vault) -> Bool) -> Bool {
        question(other, self)
    }
}

func isRunning(on vault: Vault, _ isolation: isolated (any Actor)? = #isolation) -> Bool {
    false  // TODO
}

func exerciseWhichVault(_ cell: Cell) {
    runExercise { await checkIsRunning(cell) { vault, isolation in isRunning(on: vault, isolation) } }
}
// ANCHOR_END: exercise-3

// ANCHOR: exercise-4
/// Exercise 4: a visit log shared by many tasks. It is Sendable because its only state
/// is a `Mutex`; finish `add` and `all`.
final class VisitLog: Sendable {
    private let visits = Mutex<[String]>([])

    func add(_ page: String) {
        // TODO
    }

    var all: [String] { [] }  // TODO
}

extension VisitLog: VisitRecording {}

func exerciseVisitLog(_ cell: Cell) {
    runExercise { await checkVisitLog(cell, VisitLog()) }
}
// ANCHOR_END: exercise-4
