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
    1: ["A plain `async` function in this build runs on the global pool, whoever calls it.",
        "One attribute on `tidy`'s declaration keeps it on its caller's actor (SE-0461)."],
    2: ["`nonisolated(nonsending)` means 'stay on the caller's actor'. Which attribute means the opposite?",
        "Replace the attribute; the body does not change."],
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

/// The checks of exercise 1, for any version of `tidy`.
@Studio
func checkTidy(_ cell: Cell, _ tidy: nonisolated(nonsending) @Sendable (String) async -> (title: String, ranIn: String)) async {
    let (title, ranIn) = await tidy("  data races ")
    print("tidy -> \(title), ran in: \(ranIn)")
    cell.check(title == "Data Races", "the title was tidied")
    cell.check(ranIn == "Studio", "tidy ran on its caller's actor (ran in: \(ranIn))")
}

func exerciseCallersActor(_ cell: Cell) {
    runExercise { await checkTidy(cell, tidy) }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: `digest` is CPU work that should never hold up its caller's actor.
/// Make it leave the caller's actor, whoever calls it.
nonisolated(nonsending) func digest(_ text: String) async -> (value: Int, ranIn: String) {
    (text.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, domainName())
}

@Studio
func checkDigest(_ cell: Cell, _ digest: nonisolated(nonsending) @Sendable (String) async -> (value: Int, ranIn: String)) async {
    let (value, ranIn) = await digest("regions")
    print("digest -> \(value), ran in: \(ranIn)")
    cell.check(value == "regions".utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, "the digest is right")
    cell.check(ranIn == "nonisolated", "digest left the Studio actor (ran in: \(ranIn))")
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

func checkIsRunning(_ cell: Cell, _ isRunning: @escaping @Sendable (Vault, isolated (any Actor)?) -> Bool) async {
    let gold = Vault(name: "gold"), silver = Vault(name: "silver")
    let fromGold = await gold.ask(about: gold) { vault, me in isRunning(vault, me) }
    let goldAboutSilver = await gold.ask(about: silver) { vault, me in isRunning(vault, me) }
    let fromStudio = await askFromTheStudio(about: gold, isRunning)
    let fromNowhere = isRunning(gold, nil)
    print("inside gold, about gold: \(fromGold); about silver: \(goldAboutSilver); from Studio: \(fromStudio); from no actor: \(fromNowhere)")
    cell.check(fromGold, "inside the gold vault, isRunning(on: gold) is true")
    cell.check(!goldAboutSilver, "inside the gold vault, isRunning(on: silver) is false")
    cell.check(!fromStudio && !fromNowhere, "outside every vault it is false")
}

@Studio
func askFromTheStudio(about vault: Vault, _ isRunning: @Sendable (Vault, isolated (any Actor)?) -> Bool) -> Bool {
    isRunning(vault, #isolation)
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

protocol VisitRecording: Sendable {
    func add(_ page: String)
    var all: [String] { get }
}
extension VisitLog: VisitRecording {}

func checkVisitLog(_ cell: Cell, _ log: some VisitRecording) async {
    await withTaskGroup(of: Void.self) { group in
        for child in 0..<4 {
            group.addTask { for visit in 0..<250 { log.add("/\(child)/\(visit)") } }
        }
    }
    let all = log.all
    print("visits recorded: \(all.count)")
    cell.check(all.count == 1_000, "4 tasks x 250 visits, none lost (got \(all.count))")
    cell.check(Set(all).count == 1_000, "every visit recorded once")
}

func exerciseVisitLog(_ cell: Cell) {
    runExercise { await checkVisitLog(cell, VisitLog()) }
}
// ANCHOR_END: exercise-4
