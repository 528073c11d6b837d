import Foundation
import Notebook

// ANCHOR: task-inherits-actor
/// Run on the main actor. A `Task {}` created here inherits the main actor, so its body
/// can start only when this function suspends or returns; `Task.immediate` (SE-0472)
/// runs its body right away, on the caller's thread, up to its first suspension.
@available(macOS 26.0, *)  // Task.immediate and Task(name:) are new in Swift 6.2
@MainActor
func taskFromAnActor(_ cell: Cell) async {
    let created = ContinuousClock.now
    let inherited = Task { ContinuousClock.now - created }  // queued on the main actor
    compute(for: .milliseconds(50))  // the creator keeps the actor busy for 50 ms
    let inheritedStart = await inherited.value

    let immediateCreated = ContinuousClock.now
    let immediate = Task.immediate { ContinuousClock.now - immediateCreated }
    let immediateReturned = ContinuousClock.now - immediateCreated
    compute(for: .milliseconds(50))
    let immediateStart = await immediate.value

    let named = Task(name: "fetch page 7") { Task.name ?? "no name" }  // SE-0469
    let seenName = await named.value
    print("Task {} from a @MainActor function: body started \(duration: inheritedStart) after creation")
    print("Task.immediate from the same place:  body started \(duration: immediateStart) after creation")
    print("Task(name:): inside, Task.name is \"\(seenName)\"")
// ANCHOR_END: task-inherits-actor
    cell.value("inherited-start", inheritedStart)
    cell.value("immediate-start", immediateStart)
    cell.value("task-name-seen", text: seenName)
    cell.check(inheritedStart >= .milliseconds(50),
               "the inherited task started only after its creator's 50 ms on the actor (\(duration: inheritedStart))")
    cell.check(immediateStart <= immediateReturned,
               "Task.immediate ran its body before returning to its creator (\(duration: immediateStart) ≤ \(duration: immediateReturned))")
    cell.check(seenName == "fetch page 7", "Task.name inside a named task is its name")
}

/// The cell: on Linux the APIs above always exist; an older macOS lacks them, and says so.
@MainActor
func taskFromAnActorCell(_ cell: Cell) async {
    if #available(macOS 26.0, *) {
        await taskFromAnActor(cell)
    } else {
        cell.check(false, "Task.immediate (SE-0472) and Task(name:) (SE-0469) need macOS 26 or Linux")
    }
}
