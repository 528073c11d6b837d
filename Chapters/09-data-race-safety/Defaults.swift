import Notebook

// ANCHOR: nonsending-concurrent
/// Runs on whatever actor its caller is on (SE-0461): no hop, and non-Sendable
/// arguments need not cross anything.
nonisolated(nonsending) func summarise(_ lines: [String]) async -> (String, String) {
    ("\(lines.count) lines", domainName())
}

/// Always leaves the caller's actor for the global pool: for work that must not hold
/// up the actor (parsing, hashing, anything CPU-bound).
@concurrent func checksum(_ lines: [String]) async -> (Int, String) {
    (lines.joined().utf8.reduce(0) { ($0 &* 31) &+ Int($1) }, domainName())
}

@Studio
func nonsendingAndConcurrent(_ cell: Cell) async {
    let lines = ["one", "two", "three"]
    let (summary, summaryRanIn) = await summarise(lines)
    let (sum, checksumRanIn) = await checksum(lines)
    let (_, plainRanIn) = await plainAsyncHelper()
    print("called from the Studio actor:")
    print("  nonisolated(nonsending) summarise -> \(summary), ran in: \(summaryRanIn)")
    print("  @concurrent checksum -> \(sum), ran in: \(checksumRanIn)")
    print("  plain async helper ran in: \(plainRanIn)")
    cell.check(summaryRanIn == "Studio", "nonisolated(nonsending) ran on the caller's actor")
    cell.check(checksumRanIn == "nonisolated", "@concurrent left the caller's actor")
    // The book's own targets: Swift 6 language mode, no upcoming features (Package.swift).
    // So a plain `async` function behaves like `@concurrent` here.
    cell.check(plainRanIn == "nonisolated", "in this build a plain async function runs on no actor")
}

func plainAsyncHelper() async -> (Void, String) { ((), domainName()) }
// ANCHOR_END: nonsending-concurrent
