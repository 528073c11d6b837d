import Distributed
import Foundation
import Notebook
import Primitives
import ProcessActors
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The exercises call a `Shelf` hosted in a worker (role "exercise-host"); the worker
// runs this same program, so any change you make here is on both sides of the pipe.

/// A shelf of items in a worker process.
distributed actor Shelf {
    typealias ActorSystem = ProcessActorSystem

    private var apples = 3

    /// Takes `count` apples and returns how many are left.
    distributed func take(_ count: Int) -> Int {
        apples = max(0, apples - count)
        return apples
    }

    /// Places an order written as JSON (`{"item": "apples", "count": 2}`) and returns its
    /// number. Errors leave through `exercise1AtTheBoundary`.
    distributed func place(order json: String) throws -> Int {
        do {
            let order = try JSONDecoder().decode(Order.self, from: Data(json.utf8))
            return order.count * 1000 + order.item.count
        } catch {
            throw exercise1AtTheBoundary(error)
        }
    }

    /// Looks up item number `id`: slow (50 ms), like a query to a database.
    distributed func lookUp(_ id: Int) async throws -> String {
        try await Task.sleep(for: .milliseconds(50))
        return "item-\(id)"
    }

    distributed func processID() -> Int32 { getpid() }
}

/// Exercises are synchronous functions (the notebook runs them directly); this runs an
/// async body to completion on the task pool and waits for it.
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Locked<String?>(nil)
    Task.detached {
        do { try await body() } catch { failure.withLock { $0 = "\(error)" } }
        done.signal()
    }
    done.wait()
    if let message = failure.withLock({ $0 }) { throw ExerciseFailed(message: message) }
}

struct ExerciseFailed: Error { let message: String }

/// A system with one "exercise-host" worker, and its shelf resolved.
func shelfInWorker() throws -> (ProcessActorSystem, Int32, Shelf) {
    let system = ProcessActorSystem(callTimeout: .seconds(10))
    let pid = try system.startWorker(role: "exercise-host")
    return (system, pid, try Shelf.resolve(id: ProcessActorID(pid: pid, name: "shelf"), using: system))
}

// ANCHOR: exercise-1
/// Exercise 1: an error that crosses as itself. A bad order makes `JSONDecoder` throw a
/// `DecodingError` in the worker, and `DecodingError` is not `Codable`: the caller gets
/// a `ProcessActorError.remoteError` it can only print. Translate errors at the boundary,
/// so that the caller catches an `OrderRejected` that says what was wrong.
/// Hint: which errors does `RemoteFailure` rebuild on the caller's side?
/// Hint: `String(describing: error)` keeps the decoder's explanation.
func exercise1AtTheBoundary(_ error: any Error) -> any Error {
    error  // TODO: an error the caller can catch as itself
}

struct Order: Codable {
    let item: String
    let count: Int
}

/// `Codable`: crosses the process boundary as itself.
struct OrderRejected: Error, Codable, Equatable {
    let reason: String
}

func exerciseErrorCrosses(_ cell: Cell) throws {
    try runToCompletion {
        let (system, _, shelf) = try shelfInWorker()
        defer { system.shutdown() }
        let good = try await shelf.place(order: #"{"item": "apples", "count": 2}"#)
        cell.check(good == 2006, "a good order is placed (number \(good))")
        do {
            _ = try await shelf.place(order: #"{"item": "apples"}"#)
            cell.check(false, "an order without a count is rejected")
        } catch let rejected as OrderRejected {
            print("the bad order was rejected: \(rejected.reason)")
            cell.check(rejected.reason.contains("count"), "the caller caught OrderRejected, and it names the missing key")
        } catch {
            print("the bad order threw \(type(of: error)): \(error)")
            cell.check(false, "the caller caught OrderRejected")
        }
    }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: twenty look-ups at once. Each `lookUp` takes 50 ms in the worker; one
/// after the other, twenty take a second. Make them concurrent (the answers still in
/// the order of `ids`), so that all twenty take about one look-up's time.
/// Hint: a task group (chapter 08), one child per id, each returning its index too.
/// Hint: the actor is re-entrant at its `await`, so the worker runs the waits together.
func exercise2LookUps(_ ids: [Int], on shelf: Shelf) async throws -> [String] {
    var names: [String] = []
    for id in ids {  // TODO: all at once, answers in the order of `ids`
        names.append(try await shelf.lookUp(id))
    }
    return names
}

func exerciseLookUps(_ cell: Cell) throws {
    try runToCompletion {
        let (system, _, shelf) = try shelfInWorker()
        defer { system.shutdown() }
        let ids = Array((1...20).reversed())
        let start = ContinuousClock.now
        let names = try await exercise2LookUps(ids, on: shelf)
        let elapsed = (ContinuousClock.now - start).seconds
        print("\(names.count) look-ups in \(Format.duration(elapsed)) (ideal: one after the other 1.0 s, all at once 0.05 s)")
        cell.check(names == ids.map { "item-\($0)" }, "the answers are in the order of the ids")
        cell.check(elapsed < 0.5, "twenty look-ups took less than 0.5 s, half of one after the other (took \(Format.duration(elapsed)))")
    }
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: carry on with a new worker. The worker hosting the shelf has just been
/// killed. Make `exercise3Take` recover: when the call fails because the worker died,
/// start a new worker, resolve its shelf and make the call there.
/// Hint: catch `ProcessActorError.workerDied` only; any other error is not yours to hide.
/// Hint: `system.startWorker(role: "exercise-host")` returns the new worker's pid.
func exercise3Take(_ count: Int, from shelf: Shelf,
                   system: ProcessActorSystem) async throws -> (left: Int, servedBy: Int32) {
    let left = try await shelf.take(count)  // TODO: a new worker if this one died
    return (left, shelf.id.pid)
}

func exerciseNewWorker(_ cell: Cell) throws {
    try runToCompletion {
        let (system, dead, shelf) = try shelfInWorker()
        defer { system.shutdown() }
        kill(dead, SIGKILL)
        let killed = ContinuousClock.now
        while system.termination(ofWorker: dead) == nil && ContinuousClock.now - killed < .seconds(5) {
            try await Task.sleep(for: .milliseconds(10))
        }
        do {
            let (left, servedBy) = try await exercise3Take(1, from: shelf, system: system)
            print("took 1 apple, \(left) left, served by worker \(servedBy) (the dead one was \(dead))")
            cell.check(left == 2, "a fresh shelf had 3 apples and has 2 left (got \(left))")
            cell.check(servedBy != dead && system.workerPIDs.contains(servedBy), "a new worker served the call")
        } catch {
            print("the call failed: \(error)")
            cell.check(false, "the call succeeded on a new worker")
        }
    }
}
// ANCHOR_END: exercise-3
