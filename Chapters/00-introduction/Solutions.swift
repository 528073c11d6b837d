import Foundation
import Synchronization

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-00 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// `concurrentPerform` runs the jobs on as many threads as there are cores (the
    /// calling thread among them), not one thread per job: it was made for arithmetic.
    /// Eight sleeps on two cores take four sleeps' time, so the speedup is about 2, not 8.
    static func runSleepJobs(_ count: Int, _ job: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count) { index in job(index) }
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// One by one, every job sleeps and computes in turn. At once, the sleeps overlap
    /// (one sleep's time), and the computations share the cores: with more jobs than
    /// cores they take `jobs / cores` computations' time, otherwise one.
    static func predictedSpeedup(jobs: Int, sleep: Double, compute: Double, cores: Int) -> Double {
        let oneByOne = Double(jobs) * (sleep + compute)
        let atOnce = sleep + compute * Double(jobs) / Double(min(jobs, cores))
        return oneByOne / atOnce
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// An atomic read-modify-write: no other thread's update can fall between the read
    /// and the write, so none is lost. (`Mutex<Int>` and `withLock { $0 += 1 }` works too.)
    final class SharedTotal: RunningTotal {
        private let count = Atomic<Int>(0)

        func addOne() {
            count.wrappingAdd(1, ordering: .relaxed)
        }

        var value: Int { count.load(ordering: .relaxed) }
    }
    // ANCHOR_END: solution-3
}
