import Foundation
import ProcessActors

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-10 exercise N` (or `make exercise-10-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks, and the `Shelf`
// actor they call in a worker process (role "exercise-host"), are in
// ExerciseChecks.swift; the reference solutions in Solutions.swift.

// Exercise 1: an error that crosses as itself. `Shelf.place(order:)` decodes an order
// with `JSONDecoder` in the worker and passes any error it throws through this function
// before throwing it. A `DecodingError` is not `Codable`, so as it stands the caller gets
// a `ProcessActorError.remoteError` it can only print. Return an error the caller can
// catch as itself: an `OrderRejected` (ExerciseChecks.swift) that says what was wrong.
func translateAtBoundary(_ error: any Error) -> any Error {
    error  // TODO: an error that crosses the process boundary as itself
}

// Exercise 2: twenty look-ups at once. Each `shelf.lookUp(id)` takes 50 ms in the
// worker; one after the other, twenty take a second. Make them concurrent, with the
// answers still in the order of `ids`, so that all twenty take about one look-up's time.
func lookUpAll(_ ids: [Int], on shelf: Shelf) async throws -> [String] {
    var names: [String] = []
    for id in ids {  // TODO: all at once, answers in the order of `ids`
        names.append(try await shelf.lookUp(id))
    }
    return names
}

// Exercise 3: carry on with a new worker. The worker hosting `shelf` may have been
// killed. When (and only when) the call fails because the worker died, start a new
// worker (role "exercise-host"), resolve its shelf (name "shelf") and make the call
// there. Return how many apples are left and the pid of the worker that served the call.
func takeWithNewWorker(_ count: Int, from shelf: Shelf,
                       system: ProcessActorSystem) async throws -> (left: Int, servedBy: Int32) {
    let left = try await shelf.take(count)  // TODO: a new worker if this one died
    return (left, shelf.id.pid)
}
