import Foundation
import Notebook

/// What the two tasks of `takingTurns` did, in order. It belongs to the main actor, so
/// only one of them can touch it at a time, and the compiler enforces that.
@MainActor
final class TurnLog {
    struct Turn {
        let task: String
        let start: ContinuousClock.Instant
        let end: ContinuousClock.Instant
    }

    private(set) var turns: [Turn] = []

    func append(_ turn: Turn) { turns.append(turn) }

    /// How many times the actor went from one task to the other.
    var switches: Int {
        zip(turns, turns.dropFirst()).filter { $0.task != $1.task }.count
    }

    /// True if two turns ever ran at the same instant.
    var anyOverlap: Bool {
        let sorted = turns.sorted { $0.start < $1.start }
        return zip(sorted, sorted.dropFirst()).contains { $1.start < $0.end }
    }
}

// ANCHOR: taking-turns
@MainActor
func takingTurns(_ cell: Cell) async {
    let timeline = cell.timeline("taking-turns", "Two tasks on the main actor, four slices of arithmetic each")
    let slice = ArithmeticJob.lasting(ArithmeticJob.sliceSeconds)
    let log = TurnLog()

    func work(_ name: String) async {
        for number in 1...4 {
            let start = ContinuousClock.now
            blackHole(slice.run())                  // a slice of pure computation
            let end = ContinuousClock.now
            timeline.record(lane: "task \(name)", label: "slice \(number)", from: start, to: end)
            log.append(TurnLog.Turn(task: name, start: start, end: end))
            await Task.yield()                      // the only place this task lets another run
        }
    }

    // Both tasks belong to the main actor, like the code that creates them:
    // one actor runs one piece of code at a time.
    let a = Task { await work("A") }
    let b = Task { await work("B") }
    await a.value
    await b.value
    print("order of the slices: " + log.turns.map(\.task).joined(separator: " "))
    // ANCHOR_END: taking-turns

    cell.value("turn-order", text: log.turns.map(\.task).joined(separator: " "))
    cell.value("turn-switches", log.switches)
    cell.check(log.turns.count == 8, "both tasks ran all four slices (\(log.turns.count) of 8)")
    cell.check(!log.anyOverlap, "no two slices ran at the same instant: one actor, one slice at a time")
}
