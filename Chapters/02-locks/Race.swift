import Notebook
import RacyCounter

// ANCHOR: lost-updates
func lostUpdates(_ cell: Cell) {
    let threads = 4, increments = 250_000
    let expected = threads * increments
    var rows: [[String]] = []
    var lost: [Int] = []
    for run in 1...5 {
        let final = RacyCounter.run(threads: threads, increments: increments)
        lost.append(expected - final)
        rows.append(["\(run)", Format.count(final), Format.count(expected - final),
                     Format.number(Double(expected - final) / Double(expected) * 100, digits: 1) + " %"])
        cell.check(final <= expected, "run \(run): a race can lose updates but never invent one (\(final) ≤ \(expected))")
    }
    cell.table("lost-updates", "\(threads) threads × \(Format.count(increments)) unprotected increments, five runs (different every time)",
               header: ["run", "final count", "updates lost", "lost"], rows: rows)
    cell.value("racy-threads", threads)
    cell.value("racy-increments", increments)
    cell.value("racy-expected", expected)
    cell.value("racy-lost-min", lost.min()!)
    cell.value("racy-lost-max", lost.max()!)
    cell.value("racy-runs-with-loss", lost.filter { $0 > 0 }.count)
}
// ANCHOR_END: lost-updates
