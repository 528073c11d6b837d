import Notebook

// The checks of the exercises in Exercises.swift (and of their solutions in
// Solutions.swift). Kept apart from the starters: read them after trying.

/// The checks of exercise 1, for any version of `tidy`.
@Studio
func checkTidy(_ cell: Cell, _ tidy: nonisolated(nonsending) @Sendable (String) async -> (title: String, ranIn: String)) async {
    let (title, ranIn) = await tidy("  data races ")
    print("tidy -> \(title), ran in: \(ranIn)")
    cell.check(title == "Data Races", "the title was tidied")
    cell.check(ranIn == "Studio", "tidy ran on its caller's actor (ran in: \(ranIn))")
}

@Studio
func checkDigest(_ cell: Cell, _ digest: @Sendable (String) async -> (value: Int, ranIn: String)) async {
    let (value, ranIn) = await digest("regions")
    print("digest -> \(value), ran in: \(ranIn)")
    cell.check(value == "regions".utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, "the digest is right")
    cell.check(ranIn == "nonisolated", "digest left the Studio actor (ran in: \(ranIn))")
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

protocol VisitRecording: Sendable {
    func add(_ page: String)
    var all: [String] { get }
}

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
