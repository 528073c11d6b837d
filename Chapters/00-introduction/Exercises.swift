import Foundation
import Notebook

// Run one with `swift run chapter-00 exercise N`. Each starts with its checks failing;
// make them pass.

// ANCHOR: exercise-1
/// Exercise 1: run the eight sleep jobs with `DispatchQueue.concurrentPerform(iterations:)`
/// instead of a loop. Predict the speedup before you run it, then explain the number.
func exerciseConcurrentPerform(_ cell: Cell) {
    let jobs = 8
    let sleep = 0.04
    let oneByOneTime = oneByOne(jobs) { _ in Thread.sleep(forTimeInterval: sleep) }

    let start = ContinuousClock.now
    // TODO: run the jobs with DispatchQueue.concurrentPerform(iterations: jobs) { ... }
    for _ in 0..<jobs { Thread.sleep(forTimeInterval: sleep) }
    let performTime = (ContinuousClock.now - start).seconds

    print("one by one \(Format.duration(oneByOneTime)), concurrentPerform \(Format.duration(performTime)), "
          + "speedup \(Format.number(oneByOneTime / performTime))× on \(cores) cores")
    if cores > 1 {
        cell.check(performTime < 0.75 * oneByOneTime, "concurrentPerform is faster than a loop")
    } else {
        print("one core: concurrentPerform runs the jobs one by one here; try it on a machine with more")
    }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: a job that sleeps for `sleep` seconds, then computes for `compute`
/// seconds. Predict how much faster `jobs` of them run on `jobs` threads than one by one,
/// on a machine with `cores` cores, then compare with the measurement.
func predictedSpeedup(jobs: Int, sleep: Double, compute: Double, cores: Int) -> Double {
    // TODO: one by one takes jobs × (sleep + compute). At once, the sleeps overlap;
    // how long do the computations take when `jobs` of them share `cores` cores?
    return 0
}

func exercisePredictMixed(_ cell: Cell) {
    let jobs = 8, sleep = 0.03, compute = 0.03
    let arithmetic = ArithmeticJob.lasting(compute)
    let mixed: @Sendable (Int) -> Void = { _ in
        Thread.sleep(forTimeInterval: sleep)
        blackHole(arithmetic.run())
    }
    let measured = oneByOne(jobs, mixed) / onThreads(jobs, mixed)
    let predicted = predictedSpeedup(jobs: jobs, sleep: sleep, compute: compute, cores: cores)
    print("predicted \(Format.number(predicted))×, measured \(Format.number(measured))×")
    cell.check(abs(measured - predicted) < 0.35 * predicted, "the prediction is within 35% of the measurement")
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: this counter compiles only because `nonisolated(unsafe)` tells the compiler
/// "trust me". It loses updates. Replace it with an `Atomic<Int>` or a `Mutex<Int>`
/// (import Synchronization) so that the total is always right.
nonisolated(unsafe) var racyTotal = 0

func exerciseRacyCounter(_ cell: Cell) {
    racyTotal = 0
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        for _ in 0..<1_000_000 {
            racyTotal += 1            // TODO: make this safe
        }
    }
    print("total: \(Format.count(racyTotal)) of 4,000,000")
    cell.check(racyTotal == 4_000_000, "no update lost")
}
// ANCHOR_END: exercise-3
