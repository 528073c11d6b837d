import Foundation
import ProcessActors

// The reference solutions. `swift run chapter-10 exercise N solution` runs exercise N's
// checks against them; the book's Solutions page shows them with their hints.
enum Solutions {
    // ANCHOR: solution-1
    /// A `Codable` error is rebuilt on the caller's side as itself; the decoder's
    /// explanation travels as its text.
    static func translateAtBoundary(_ error: any Error) -> any Error {
        if error is OrderRejected { return error }
        return OrderRejected(reason: String(describing: error))
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// One child task per id; each returns its index too, so the answers go back in the
    /// order of `ids` whatever order they finish in.
    static func lookUpAll(_ ids: [Int], on shelf: Shelf) async throws -> [String] {
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask { (index, try await shelf.lookUp(id)) }
            }
            var names = [String](repeating: "", count: ids.count)
            for try await (index, name) in group { names[index] = name }
            return names
        }
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// Only a dead worker is replaced; any other error is the caller's to see.
    static func takeWithNewWorker(_ count: Int, from shelf: Shelf,
                                  system: ProcessActorSystem) async throws -> (left: Int, servedBy: Int32) {
        do {
            return (try await shelf.take(count), shelf.id.pid)
        } catch ProcessActorError.workerDied {
            let pid = try system.startWorker(role: "exercise-host")
            let fresh = try Shelf.resolve(id: ProcessActorID(pid: pid, name: "shelf"), using: system)
            return (try await fresh.take(count), pid)
        }
    }
    // ANCHOR_END: solution-3
}
