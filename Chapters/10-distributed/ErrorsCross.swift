import Foundation
import Notebook
import ProcessActors

// ANCHOR: errors-cross
func errorsCross(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in
        let worker = try system.startWorker(role: "counter-host")
        let counter = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)

        var codable: NobodyToShareWith?
        do {
            _ = try await counter.share(among: 0)
        } catch let error as NobodyToShareWith {
            codable = error                       // the worker's error, rebuilt here
            print("share(among: 0) threw \(error)")
        }

        var other: ProcessActorError?
        do {
            try await counter.reset(password: "hunter2")
        } catch let error as ProcessActorError {
            other = error                         // only a name and a description came back
            print("reset(password:) threw \(error)")
        }

        let stillServing = try await counter.increment(by: 1)
        print("and the worker carries on: count \(stillServing)")
        // ANCHOR_END: errors-cross
        cell.check(codable == NobodyToShareWith(count: 0), "a Codable error arrived as itself, with its fields")
        if case .remoteError(let type, let description) = other {
            cell.check(type.hasSuffix("WrongPassword") && description == "wrong password 'hunter2'",
                       "a non-Codable error arrived as ProcessActorError.remoteError with its type and description")
        } else {
            cell.check(false, "a non-Codable error arrived as ProcessActorError.remoteError (got \(String(describing: other)))")
        }
        cell.check(stillServing == 1, "the worker serves on after its methods threw")
    }
}
