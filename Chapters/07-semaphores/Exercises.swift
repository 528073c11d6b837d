import Foundation
import Primitives

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-07 exercise N` (or `make exercise-07-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: `count` tasks each run `download` (50 ms). Let at most 3 run at once, with
// the library's `AsyncSemaphore`.
func downloadAll(count: Int, download: @escaping @Sendable () async -> Void) async {
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<count {
            group.addTask {
                // TODO: hold a permit of a shared AsyncSemaphore(permits: 3) around this.
                await download()
            }
        }
    }
}

// Exercise 2: `copyFile` guards a resource with a BoundedSemaphore, and the semaphore
// reports an over-release on some calls. Find the extra release and remove it.
func copyFile(number: Int, pool: BoundedSemaphore) throws {
    pool.acquire()
    if number.isMultiple(of: 3) {
        print("file \(number) is empty: nothing to copy")
        try pool.release()
    }
    Thread.sleep(forTimeInterval: 0.001)  // the copy
    try pool.release()
}

// Exercise 3: a token bucket allows a burst: up to `burst` starts at once, then
// `perSecond`. The starter is the chapter's rate limiter, which allows no burst. Change
// it so that with burst 3 and 10 per second, six callers start at about 0, 0, 0, 100,
// 200 and 300 ms.
actor TokenBucket: StartGate {
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

// Exercise 4: `ThreadBarrier` works once. Make a reusable `CyclicBarrier` (Python's
// `threading.Barrier`): the same object stops the workers after every phase.
final class CyclicBarrier: ReusableBarrier, @unchecked Sendable {
    private let parties: Int

    init(parties: Int) { self.parties = parties }

    func arriveAndWait() {
        // TODO: block until `parties` threads have arrived in this generation.
    }
}
