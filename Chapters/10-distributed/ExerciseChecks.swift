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

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.
// They call a `Shelf` hosted in a worker (role "exercise-host"), which runs this same
// program and picks the same implementation as the parent (`Notebook.exerciseImplementation`).

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
    /// number. Its errors leave through exercise 1's `translateAtBoundary`.
    distributed func place(order json: String) throws -> Int {
        do {
            let order = try JSONDecoder().decode(Order.self, from: Data(json.utf8))
            return order.count * 1000 + order.item.count
        } catch {
            throw Notebook.exerciseImplementation == .solution
                ? Solutions.translateAtBoundary(error) : translateAtBoundary(error)
        }
    }

    /// Looks up item number `id`: slow (50 ms), like a query to a database.
    distributed func lookUp(_ id: Int) async throws -> String {
        try await Task.sleep(for: .milliseconds(50))
        return "item-\(id)"
    }
}

struct Order: Codable {
    let item: String
    let count: Int
}

/// `Codable`: crosses the process boundary as itself.
struct OrderRejected: Error, Codable, Equatable {
    let reason: String
}

/// The notebook runs exercises synchronously: this runs an async body to completion on
/// the task pool and waits for it (with a limit, so that nothing hangs).
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Locked<String?>(nil)
    Task.detached {
        do { try await body() } catch { failure.withLock { $0 = "\(error)" } }
        done.signal()
    }
    guard done.wait(timeout: .now() + 60) == .success else { throw ExerciseFailed(message: "still running after 60 s") }
    if let message = failure.withLock({ $0 }) { throw ExerciseFailed(message: message) }
}

struct ExerciseFailed: Error { let message: String }

/// Runs `body` with one "exercise-host" worker and its shelf resolved; stops the worker after.
func withShelfInWorker(_ body: (ProcessActorSystem, Int32, Shelf) async throws -> Void) async throws {
    try await ProcessActorSystem.withSystem(callTimeout: .seconds(10)) { system in
        let pid = try system.startWorker(role: "exercise-host")
        try await body(system, pid, try Shelf.resolve(id: ProcessActorID(pid: pid, name: "shelf"), using: system))
    }
}

// ANCHOR: exercise-1-checks
func checkErrorCrosses(_ cell: Cell, _ translate: @escaping @Sendable (any Error) -> any Error) throws {
    let noCount = #"{"item": "apples"}"#
    let decoding = Result { try JSONDecoder().decode(Order.self, from: Data(noCount.utf8)) }
    if case .failure(let error) = decoding {
        cell.check(translate(error) is OrderRejected, "here: a DecodingError becomes an OrderRejected")
    }
    try runToCompletion {
        try await withShelfInWorker { _, _, shelf in
            let good = try await shelf.place(order: #"{"item": "apples", "count": 2}"#)
            cell.check(good == 2006, "a good order is placed (number \(good))")
            var rejection: OrderRejected?
            do {
                let number = try await shelf.place(order: noCount)
                print("the bad order was placed as number \(number)")
            } catch let rejected as OrderRejected {
                print("the bad order was rejected: \(rejected.reason)")
                rejection = rejected
            } catch {
                print("the bad order threw \(type(of: error)): \(error)")
            }
            cell.check(rejection?.reason.contains("count") == true,
                       "the caller caught OrderRejected, and it names the missing key")
        }
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkLookUps(_ cell: Cell, _ lookUpAll: @escaping @Sendable ([Int], Shelf) async throws -> [String]) throws {
    try runToCompletion {
        try await withShelfInWorker { _, _, shelf in
            let ids = Array((1...20).reversed())
            let start = ContinuousClock.now
            let names = try await lookUpAll(ids, shelf)
            let elapsed = (ContinuousClock.now - start).seconds
            print("\(names.count) look-ups in \(seconds: elapsed) (ideal: one after the other \(seconds: 1.0), all at once \(seconds: 0.05))")
            cell.check(names == ids.map { "item-\($0)" }, "the answers are in the order of the ids")
            cell.check(elapsed < 0.5, "twenty look-ups took less than half of one after the other (took \(seconds: elapsed))")
        }
    }
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkNewWorker(_ cell: Cell,
                    _ take: @escaping @Sendable (Int, Shelf, ProcessActorSystem) async throws -> (left: Int, servedBy: Int32)) throws {
    try runToCompletion {
        try await withShelfInWorker { system, dead, shelf in
            // While the worker lives, the call is made there.
            let first = try await take(1, shelf, system)
            cell.check(first == (2, dead), "a live worker served the call itself (\(first.left) left, by \(first.servedBy))")
            kill(dead, SIGKILL)
            let killed = ContinuousClock.now
            while system.termination(ofWorker: dead) == nil && ContinuousClock.now - killed < .seconds(5) {
                try await Task.sleep(for: .milliseconds(10))
            }
            var outcome: (left: Int, servedBy: Int32)?
            do {
                outcome = try await take(1, shelf, system)
                print("took 1 apple, \(outcome!.left) left, served by worker \(outcome!.servedBy) (the dead one was \(dead))")
            } catch {
                print("the call failed: \(error)")
            }
            cell.check(outcome?.left == 2, "a fresh shelf had 3 apples and has 2 left")
            cell.check(outcome.map { $0.servedBy != dead && system.workerPIDs.contains($0.servedBy) } == true,
                       "a new worker served the call")
        }
    }
}
// ANCHOR_END: exercise-3-checks
