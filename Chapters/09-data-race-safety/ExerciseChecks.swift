import Dispatch
import Notebook

// The checks of the exercises in Exercises.swift, which also run against the reference
// solutions in Solutions.swift. Kept apart from the starters: read them after trying.

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

// ANCHOR: exercise-1-checks
/// What exercise 1 checks: a version of `tidy`, called from the Studio actor.
typealias TidyFunction = nonisolated(nonsending) @Sendable (String) async -> (title: String, ranIn: String)

func checkTidy(_ cell: Cell, _ tidy: @escaping TidyFunction) {
    runExercise { await checkTidyOnStudio(cell, tidy) }
}

@Studio
func checkTidyOnStudio(_ cell: Cell, _ tidy: TidyFunction) async {
    let (title, ranIn) = await tidy("  data races ")
    print("tidy -> \(title), ran in: \(ranIn)")
    cell.check(title == "Data Races", "the title was tidied")
    cell.check(ranIn == "Studio", "tidy ran on its caller's actor (ran in: \(ranIn))")
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
/// What exercise 2 checks: a version of `digest`, called from the Studio actor.
typealias DigestFunction = @Sendable (String) async -> (value: Int, ranIn: String)

func checkDigest(_ cell: Cell, _ digest: @escaping DigestFunction) {
    runExercise { await checkDigestOnStudio(cell, digest) }
}

@Studio
func checkDigestOnStudio(_ cell: Cell, _ digest: DigestFunction) async {
    let (value, ranIn) = await digest("regions")
    print("digest -> \(value), ran in: \(ranIn)")
    cell.check(value == "regions".utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, "the digest is right")
    cell.check(ranIn == "nonisolated", "digest left the Studio actor (ran in: \(ranIn))")
}
// ANCHOR_END: exercise-2-checks

/// Exercise 3's actor: a vault that can ask a question from inside itself.
actor Vault {
    let name: String
    init(name: String) { self.name = name }

    /// Asks `question` about `other` from inside this vault.
    func ask(about other: Vault, _ question: @Sendable (Vault, isolated Vault) -> Bool) -> Bool {
        question(other, self)
    }
}

// ANCHOR: exercise-3-checks
/// What exercise 3 checks: a version of `isRunning(on:)`.
typealias IsRunningFunction = @Sendable (Vault, isolated (any Actor)?) -> Bool

func checkIsRunning(_ cell: Cell, _ isRunning: @escaping IsRunningFunction) {
    runExercise {
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
}

@Studio
func askFromTheStudio(about vault: Vault, _ isRunning: IsRunningFunction) -> Bool {
    isRunning(vault, #isolation)
}
// ANCHOR_END: exercise-3-checks

// ANCHOR: exercise-4-checks
/// What exercise 4 checks: a visit log type, used by four tasks at once.
protocol VisitRecording: Sendable {
    init()
    func add(_ page: String)
    var all: [String] { get }
}

func checkVisitLog(_ cell: Cell, _ logType: any VisitRecording.Type) {
    let log = logType.init()
    runExercise {
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
}
// ANCHOR_END: exercise-4-checks
