import Foundation
import Notebook
import Primitives

/// Exercises are synchronous functions (the notebook runs them directly); this runs an
/// async body to completion on the task pool and waits for it.
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Mailbox()
    Task.detached {
        do { try await body() } catch { failure.text = "\(error)" }
        done.signal()
    }
    done.wait()
    if let message = failure.text { throw ExerciseFailed(message: message) }
}

struct ExerciseFailed: Error { let message: String }

// ANCHOR: exercise-1
/// Exercise 1: twelve tasks each "download" for 50 ms. Let at most 3 run at once, with the
/// library's `AsyncSemaphore`.
func exerciseThreeAtATime(_ cell: Cell) throws {
    try runToCompletion {
        let room = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for _ in 1...12 {
                group.addTask {
                    // TODO: hold a permit of a shared AsyncSemaphore(permits: 3) around this.
                    let entered = ContinuousClock.now
                    room.enter()
                    try? await Task.sleep(for: .milliseconds(50))
                    room.leave(stayedFrom: entered)
                }
            }
        }
        print("most tasks at once: \(room.peak)")
        cell.check(room.peak <= 3, "at most 3 at once (was \(room.peak))")
    }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: `copyFile` guards a resource with a BoundedSemaphore, and the semaphore
/// reports an over-release on some calls. Find the extra release and remove it.
func copyFile(number: Int, pool: BoundedSemaphore) throws {
    pool.acquire()
    if number.isMultiple(of: 3) {
        print("file \(number) is empty: nothing to copy")
        try pool.release()
    }
    Thread.sleep(forTimeInterval: 0.001)  // the copy
    try pool.release()
}

func exerciseExtraRelease(_ cell: Cell) throws {
    let pool = BoundedSemaphore(limit: 2)
    var errors = 0
    for number in 1...20 {
        do { try copyFile(number: number, pool: pool) } catch { errors += 1 }
    }
    print("over-releases reported: \(errors); free permits: \(pool.availablePermits) of 2")
    cell.check(errors == 0, "no over-release (was \(errors))")
    cell.check(pool.availablePermits == 2, "every permit came back")
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: a token bucket allows a burst: up to `burst` starts at once, then
/// `perSecond`. The starter is chapter's RateLimiter, which allows no burst. Change it so
/// that with burst 3 and 10 per second, six callers start at about 0, 0, 0, 100, 200, 300 ms.
actor TokenBucket {
    private let interval: Duration
    private let burst: Int
    private var nextSlot = ContinuousClock.now

    init(burst: Int, perSecond: Int) {
        self.burst = burst
        interval = .seconds(1) / perSecond
    }

    func waitForTurn() async {
        // TODO: let the first `burst` callers start at once.
        let slot = max(nextSlot, .now)
        nextSlot = slot + interval
        try? await Task.sleep(until: slot, clock: .continuous)
    }
}

func exerciseTokenBucket(_ cell: Cell) throws {
    try runToCompletion {
        let bucket = TokenBucket(burst: 3, perSecond: 10)
        let origin = ContinuousClock.now
        let starts = await withTaskGroup(of: Double.self) { group in
            for _ in 1...6 { group.addTask { await bucket.waitForTurn(); return secondsSince(origin) } }
            return await group.reduce(into: []) { $0.append($1) }.sorted()
        }
        print("starts at: \(starts.map { Format.number($0 * 1000, digits: 0) }.joined(separator: ", ")) ms")
        cell.check(starts[2] < 0.03, "the first three started at once")
        cell.check((3..<6).allSatisfy { starts[$0] >= Double($0 - 2) * 0.1 - 0.005 }, "then one start per 100 ms")
    }
}
// ANCHOR_END: exercise-3

// ANCHOR: exercise-4
/// Exercise 4: `ThreadBarrier` works once. Make a reusable `CyclicBarrier` (Python's
/// `threading.Barrier`): the same object stops the workers after every phase. Hint: a
/// generation number and an NSCondition (chapter 02) make it simple.
final class CyclicBarrier: @unchecked Sendable {
    private let parties: Int
    init(parties: Int) { self.parties = parties }

    func arriveAndWait() {
        // TODO: block until `parties` threads have arrived in this generation.
    }
}

func exerciseCyclicBarrier(_ cell: Cell) throws {
    let workers = 3, phases = 4
    let barrier = CyclicBarrier(parties: workers)
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
    done.wait()
    cell.check(log.phasesAreSeparated(phases: phases), "every phase began after all workers finished the previous one")
}
// ANCHOR_END: exercise-4
