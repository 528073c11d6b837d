import Foundation
import Primitives

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-07 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// One semaphore shared by all the tasks; `withPermit` waits for a permit (suspending,
    /// not blocking a thread) and gives it back when the body ends, however it ends.
    static func downloadAll(count: Int, download: @escaping @Sendable () async -> Void) async {
        let permits = AsyncSemaphore(permits: 3)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try? await permits.withPermit { await download() }
                }
            }
        }
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// One acquire, one release on every path: `defer` makes that hard to get wrong.
    static func copyFile(number: Int, pool: BoundedSemaphore) throws {
        pool.acquire()
        defer { try? pool.release() }
        if number.isMultiple(of: 3) {
            print("file \(number) is empty: nothing to copy")
            return
        }
        Thread.sleep(forTimeInterval: 0.001)  // the copy
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// `nextSlot` is when the next caller would start without any burst. A bucket of
    /// `burst` tokens lets a caller start up to `burst - 1` intervals before that, so an
    /// idle bucket lets `burst` callers through at once, then one per interval.
    actor TokenBucket: StartGate {
        private let interval: Duration
        private let burst: Int
        private var nextSlot = ContinuousClock.now

        init(burst: Int, perSecond: Int) {
            self.burst = burst
            interval = .seconds(1) / perSecond
        }

        func waitForTurn() async {
            let now = ContinuousClock.now
            let start = max(now, nextSlot - interval * (burst - 1))
            nextSlot = max(nextSlot, now) + interval
            if start > now { try? await Task.sleep(until: start, clock: .continuous) }
        }
    }
    // ANCHOR_END: solution-3

    // ANCHOR: solution-4
    /// Each round is a generation. The last to arrive starts the next generation and wakes
    /// everybody; the others wait until the generation they arrived in is over (a loop,
    /// because a wake-up can be spurious).
    final class CyclicBarrier: ReusableBarrier, @unchecked Sendable {
        private let parties: Int
        private let condition = NSCondition()
        private var arrived = 0      // guarded by `condition`
        private var generation = 0   // guarded by `condition`

        init(parties: Int) { self.parties = parties }

        func arriveAndWait() {
            condition.lock()
            defer { condition.unlock() }
            let mine = generation
            arrived += 1
            if arrived == parties {
                arrived = 0
                generation += 1
                condition.broadcast()
                return
            }
            while generation == mine { condition.wait() }
        }
    }
    // ANCHOR_END: solution-4
}
