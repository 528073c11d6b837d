import Foundation
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

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

// ANCHOR: exercise-1-checks
func checkThreeAtATime(_ cell: Cell, _ runAll: @escaping @Sendable (Int, @escaping @Sendable () async -> Void) async -> Void) throws {
    try runToCompletion {
        let room = Occupancy()
        let start = ContinuousClock.now
        await runAll(12) {
            let entered = ContinuousClock.now
            room.enter()
            try? await Task.sleep(for: .milliseconds(50))
            room.leave(stayedFrom: entered)
        }
        let elapsed = secondsSince(start)
        print("most tasks at once: \(room.peak); all twelve in \(Format.duration(elapsed)) (ideal 4 rounds × 50 ms = 200 ms)")
        cell.check(room.starts.count == 12, "all twelve downloads ran (\(room.starts.count) did)")
        cell.check(room.peak <= 3, "at most 3 at once (was \(room.peak))")
        cell.check(elapsed < 0.45, "still concurrent: \(Format.duration(elapsed)), far below 12 × 50 ms one at a time")
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkExtraRelease(_ cell: Cell, _ copy: @Sendable (Int, BoundedSemaphore) throws -> Void) {
    let pool = BoundedSemaphore(limit: 2)
    var errors = 0
    for number in 1...20 {
        do { try copy(number, pool) } catch { errors += 1 }
    }
    print("over-releases reported: \(errors); free permits: \(pool.availablePermits) of 2")
    cell.check(errors == 0, "no over-release (was \(errors))")
    cell.check(pool.availablePermits == 2, "every permit came back")
}
// ANCHOR_END: exercise-2-checks

/// What exercise 3's limiter offers.
protocol StartGate: Actor {
    init(burst: Int, perSecond: Int)
    func waitForTurn() async
}

// ANCHOR: exercise-3-checks
func checkTokenBucket(_ cell: Cell, _ kind: any StartGate.Type) throws {
    try runToCompletion {
        let bucket = kind.init(burst: 3, perSecond: 10)
        let origin = ContinuousClock.now
        let starts = await withTaskGroup(of: Double.self) { group in
            for _ in 1...6 { group.addTask { await bucket.waitForTurn(); return secondsSince(origin) } }
            return await group.reduce(into: []) { $0.append($1) }.sorted()
        }
        print("starts at: \(starts.map { Format.number($0 * 1000, digits: 0) }.joined(separator: ", ")) ms")
        cell.check(starts[2] < 0.05, "the first three started at once (the third after \(Format.duration(starts[2])))")
        // Sleeps never end early, so these lower bounds hold on any machine.
        cell.check((3..<6).allSatisfy { starts[$0] >= Double($0 - 2) * 0.1 - 0.005 }, "then one start per 100 ms")
    }
}
// ANCHOR_END: exercise-3-checks

/// What exercise 4's barrier offers.
protocol ReusableBarrier: AnyObject, Sendable {
    init(parties: Int)
    func arriveAndWait()
}

// ANCHOR: exercise-4-checks
func checkCyclicBarrier(_ cell: Cell, _ kind: any ReusableBarrier.Type) {
    let workers = 3, phases = 4
    let barrier = kind.init(parties: workers)
    let log = PhaseLog()
    let done = DispatchGroup()
    for worker in 1...workers {
        done.enter()
        Thread {
            for phase in 0..<phases {
                let start = ContinuousClock.now
                Thread.sleep(forTimeInterval: Double(worker * 10) / 1000)
                log.record(phase: phase, from: start, to: .now)
                barrier.arriveAndWait()
            }
            done.leave()
        }.start()
    }
    // A barrier that never opens would hang the workers: wait for them with a limit.
    let finished = done.wait(timeout: .now() + 10) == .success
    cell.check(finished, "every worker got through all \(phases) phases within 10 s")
    cell.check(finished && log.phasesAreSeparated(phases: phases), "every phase began after all workers finished the previous one")
}
// ANCHOR_END: exercise-4-checks
