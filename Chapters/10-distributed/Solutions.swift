import Foundation
import ProcessActors

// Reference solutions to the exercises. They are not registered with the notebook:
// each has the signature of the starter it solves, and passes the checks the starter
// fails.

// ANCHOR: solution-1
/// Exercise 1: a `Codable` error is rebuilt on the caller's side as itself.
func exercise1AtTheBoundarySolution(_ error: any Error) -> any Error {
    if error is OrderRejected { return error }
    return OrderRejected(reason: String(describing: error))
}
// ANCHOR_END: solution-1

// ANCHOR: solution-2
/// Exercise 2: one child per id; each returns its index, so the answers can be put
/// back in the order of `ids` whatever order they finish in.
func exercise2LookUpsSolution(_ ids: [Int], on shelf: Shelf) async throws -> [String] {
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
/// Exercise 3: only a dead worker is replaced; any other error is the caller's to see.
func exercise3TakeSolution(_ count: Int, from shelf: Shelf,
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
