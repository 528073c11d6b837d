import Distributed
import Foundation
import Notebook
import ProcessActors

// ANCHOR: label
/// A class, so that "the same object" has a meaning: `===` compares references.
final class Label: Codable, Sendable {
    let text: String
    init(text: String) { self.text = text }
}

extension Counter {
    /// Gives back the label it was given.
    distributed func giveBack(_ label: Label) -> Label { label }
}
// ANCHOR_END: label

// ANCHOR: reference-or-copy
func referenceOrCopy(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in
        let local = system.host(named: "local-counter") { Counter(actorSystem: $0) }
        let worker = try system.startWorker(role: "counter-host")
        let remote = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)

        let label = Label(text: "the same object?")
        let fromLocal = try await local.giveBack(label)
        let fromRemote = try await remote.giveBack(label)
        print("local:  the label came back \(fromLocal === label ? "as the same object" : "as a copy")")
        print("remote: the label came back \(fromRemote === label ? "as the same object" : "as a copy"), text \"\(fromRemote.text)\"")
        // ANCHOR_END: reference-or-copy
        cell.check(fromLocal === label, "locally the actor got, and gave back, the caller's own object")
        cell.check(fromRemote !== label && fromRemote.text == label.text,
                   "remotely it got a copy, decoded in the worker, and gave back another copy")
    }
}

// ANCHOR: counting
/// What a caller needs to know of a counter, and nothing about its type: `@Resolvable`
/// (SE-0428) makes the compiler generate a proxy type, `$Counting`, that a caller can
/// resolve without knowing which actor type implements it. Compiled into this chapter,
/// so every build checks that it compiles; no cell calls through it (see the prose).
@Resolvable
protocol Counting: DistributedActor where ActorSystem == ProcessActorSystem {
    distributed func increment(by amount: Int) -> Int
}

extension Counter: Counting {}
// ANCHOR_END: counting
