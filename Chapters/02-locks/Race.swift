import Notebook
import RacyCounter

// ANCHOR: lost-updates
func lostUpdates(_ cell: Cell) {
    // Two million increments per thread keep each thread busy for milliseconds, far longer
    // than it takes the others to wake at the start line: the threads overlap for most of
    // their loops, so almost every run loses updates.
    // Under ThreadSanitizer (`make tsan`) every racing access is checked against the
    // suppressions, which is slow: a smaller count keeps that run short.
    let threads = 4, increments = Notebook.isThreadSanitized ? 250_000 : 2_000_000
    let expected = threads * increments
    var rows: [[String]] = []
    var lost: [Int] = []
    for run in 1...5 {
        let final = RacyCounter.run(threads: threads, increments: increments)
        lost.append(expected - final)
        rows.append(["\(run)", Format.count(final), Format.count(expected - final),
                     Format.number(Double(expected - final) / Double(expected) * 100, digits: 1) + " %"])
    }
    // ANCHOR_END: lost-updates
    cell.check(lost.allSatisfy { $0 >= 0 }, "in all five runs, a race lost updates or none but never invented one (final ≤ \(Format.count(expected)))")
    if !Notebook.isThreadSanitized {
        cell.check(lost.contains { $0 > 0 }, "at least one of the five runs lost updates")
    }
    cell.table("lost-updates", "\(threads) threads × \(Format.count(increments)) unprotected increments, five runs (different every time)",
               header: ["run", "final count", "updates lost", "lost"], rows: rows)
    cell.value("racy-threads", threads)
    cell.value("racy-increments", increments)
    cell.value("racy-expected", expected)
    let losing = lost.filter { $0 > 0 }
    let summary: String
    if losing.count == lost.count {
        summary = "every one of the five runs lost updates, from \(Format.count(lost.min()!)) to \(Format.count(lost.max()!))"
    } else {
        summary = "\(losing.count) of the five runs lost updates (up to \(Format.count(lost.max()!))), and the other \(lost.count - losing.count) lost none"
    }
    cell.value("racy-lost-summary", text: summary)
}
