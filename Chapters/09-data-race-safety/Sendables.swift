import Foundation
import Notebook
import Synchronization

// ANCHOR: sendable-kinds
/// A struct of Sendable parts is Sendable: a copy crosses, not a reference. (A non-public
/// struct or enum gets the conformance implicitly; a public one must say `: Sendable`.)
struct Reading {
    var sensor: String
    var celsius: Double
}

/// A final class whose stored properties are all `let`s of Sendable types: nothing in it
/// can change, so sharing it is safe.
final class Palette: Sendable {
    let colours: [String]
    init(colours: [String]) { self.colours = colours }
}

/// Mutable state shared between domains, made Sendable by a lock the compiler knows:
/// `Mutex` is Sendable whatever it holds (the value goes in as `sending` and is reached only
/// inside `withLock`), so a class whose only state is a `let` Mutex can be Sendable.
final class HitCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ page: String) { counts.withLock { $0[page, default: 0] += 1 } }
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}

/// Hands each kind of Sendable value to child tasks, which run concurrently.
func sendableKinds(_ cell: Cell) async {
    let reading = Reading(sensor: "roof", celsius: 21.5)
    let palette = Palette(colours: ["red", "green"])
    let hits = HitCounter()
    let board = Scoreboard()                               // an actor: Sendable by definition
    let label: @Sendable (Int) -> String = { "child \($0)" }  // a closure that captures nothing mutable
    let kind = Double.self                                 // the metatype of a concrete type

    let lines = await withTaskGroup(of: String.self) { group in
        for child in 1...4 {
            group.addTask {
                for _ in 0..<1_000 { hits.record("/page-\(child % 2)") }
                await board.add(child)
                return "\(label(child)): \(reading.sensor) \(reading.celsius) °C, \(palette.colours.count) colours, \(kind)"
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    for line in lines.sorted() { print(line) }
    let scores = await board.total
    cell.value("sendable-hits", hits.total)
    cell.check(lines.count == 4, "four children each saw the shared values")
    cell.check(hits.total == 4_000, "4 children x 1,000 hits through the Mutex: \(hits.total), none lost")
    cell.check(scores == 1 + 2 + 3 + 4, "the actor received every child's score (\(scores))")
}

actor Scoreboard {
    private(set) var total = 0
    func add(_ points: Int) { total += points }
}
// ANCHOR_END: sendable-kinds

// ANCHOR: unchecked-locked
/// `@unchecked Sendable`: "I guard this class's state myself". The compiler stops checking
/// the stored properties; the promise is kept only if *every* access takes the lock.
/// Whoever edits this class later keeps the promise too, without any help from the compiler.
final class LockedTally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ amount: Int) {
        lock.lock()
        defer { lock.unlock() }
        count += amount
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

func uncheckedButLocked(_ cell: Cell) {
    let tally = LockedTally()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        for _ in 0..<10_000 { tally.add(1) }
    }
    print("total: \(tally.value)")
    cell.check(tally.value == 40_000, "4 x 10,000 additions under the lock: \(tally.value)")
}
// ANCHOR_END: unchecked-locked

// ANCHOR: metatype
/// A generic parameter's metatype (`T.Type`) is Sendable only when `T: SendableMetatype`
/// (SE-0470): a type's conformances may be isolated to an actor, and its metatype would
/// carry them along.
func typeName<T: Numeric & SendableMetatype>(of type: T.Type) async -> String {
    await Task.detached { "\(type)" }.value
}
// ANCHOR_END: metatype

func metatypes(_ cell: Cell) async {
    let names = [await typeName(of: Int.self), await typeName(of: Double.self)]
    print(names)
    cell.check(names == ["Int", "Double"], "the metatypes crossed into detached tasks")
}
