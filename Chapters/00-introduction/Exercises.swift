import Foundation

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-00 exercise N` (or `make exercise-00-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: run the sleep jobs with `DispatchQueue.concurrentPerform(iterations:)`
// instead of a loop. Predict the speedup before you run it, then explain the number.
func runSleepJobs(_ count: Int, _ job: @Sendable (Int) -> Void) {
    // TODO: run the jobs with DispatchQueue.concurrentPerform(iterations: count) { ... }
    for index in 0..<count { job(index) }
}

// Exercise 2: a job sleeps for `sleep` seconds, then computes for `compute` seconds.
// Predict how much faster `jobs` of them run on `jobs` threads than one by one, on a
// machine with `cores` cores.
func predictedSpeedup(jobs: Int, sleep: Double, compute: Double, cores: Int) -> Double {
    // TODO: one by one takes jobs × (sleep + compute). At once, the sleeps overlap;
    // how long do the computations take when `jobs` of them share `cores` cores?
    return 0
}

// Exercise 3: four threads add to this total at once. `@unchecked Sendable` tells the
// compiler "trust me", but nothing protects `count`, and updates are lost. Make
// `addOne()` safe with an `Atomic<Int>` or a `Mutex<Int>` (import Synchronization).
final class SharedTotal: RunningTotal, @unchecked Sendable {
    private var count = 0

    func addOne() {
        let seen = count     // read...
        sched_yield()        // (another thread may run here, as the scheduler allows at any moment)
        count = seen + 1     // ...write back: an update made in between is lost
    }

    var value: Int { count }
}
