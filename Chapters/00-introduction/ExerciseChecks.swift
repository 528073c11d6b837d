import Foundation
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

// ANCHOR: exercise-1-checks
func checkSleepJobs(_ cell: Cell, _ runJobs: @Sendable (Int, @Sendable (Int) -> Void) -> Void) {
    let jobs = 8, sleep = 0.04
    let oneByOneTime = oneByOne(jobs) { _ in Thread.sleep(forTimeInterval: sleep) }
    // Each job notes when it slept; the check asks whether any two slept at once, which
    // does not depend on how busy the machine is (the speedup does, so it is shown).
    let stays = Locked<[(start: ContinuousClock.Instant, end: ContinuousClock.Instant)]>([])
    let start = ContinuousClock.now
    runJobs(jobs) { _ in
        let began = ContinuousClock.now
        Thread.sleep(forTimeInterval: sleep)
        stays.withLock { $0.append((began, .now)) }
    }
    let runTime = (ContinuousClock.now - start).seconds
    let all = stays.withLock { $0 }
    let mostAtOnce = all.map { stay in all.count { $0.start <= stay.start && stay.start < $0.end } }.max() ?? 0
    print("one by one \(Format.duration(oneByOneTime)), yours \(Format.duration(runTime)), "
          + "speedup \(Format.number(oneByOneTime / runTime))× on \(cores) cores; at most \(mostAtOnce) jobs at once")
    cell.check(all.count == jobs, "every job ran (\(all.count) of \(jobs))")
    if cores > 1 {
        cell.check(mostAtOnce >= 2, "the jobs overlap: \(mostAtOnce) slept at the same time")
    } else {
        print("one core: concurrentPerform runs the jobs one by one here; try it on a machine with more")
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkPrediction(_ cell: Cell, _ predict: @Sendable (Int, Double, Double, Int) -> Double) {
    // Ideal machines, where the model is exact: the prediction must match within 5%.
    let cases: [(jobs: Int, sleep: Double, compute: Double, cores: Int, ideal: Double, why: String)] = [
        (8, 0.03, 0, 2, 8, "only sleeps: all eight overlap"),
        (8, 0, 0.03, 2, 2, "only arithmetic: two cores, at most 2×"),
        (4, 0, 0.03, 4, 4, "only arithmetic, a core per job"),
        (8, 0.03, 0.03, 2, 3.2, "mixed: 0.48 s one by one, 0.03 s of sleep + 0.12 s of shared arithmetic"),
    ]
    for c in cases {
        let predicted = predict(c.jobs, c.sleep, c.compute, c.cores)
        cell.check(abs(predicted - c.ideal) < 0.05 * c.ideal,
                   "\(c.jobs) jobs, \(c.sleep) s sleep + \(c.compute) s arithmetic, \(c.cores) cores: "
                   + "predicted \(Format.number(predicted))×, ideal \(Format.number(c.ideal))× (\(c.why))")
    }
    // And this machine, now: the measurement is shown beside the prediction, not checked
    // (other programs' load changes it).
    let jobs = 8, sleep = 0.03, compute = 0.03
    let arithmetic = ArithmeticJob.lasting(compute)
    let mixed: @Sendable (Int) -> Void = { _ in
        Thread.sleep(forTimeInterval: sleep)
        blackHole(arithmetic.run())
    }
    let measured = oneByOne(jobs, mixed) / onThreads(jobs, mixed)
    print("this machine (\(cores) cores): predicted \(Format.number(predict(jobs, sleep, compute, cores)))×, "
          + "measured \(Format.number(measured))×")
}
// ANCHOR_END: exercise-2-checks

/// What exercise 3's total must offer: the threads call `addOne()`, the check reads `value`.
protocol RunningTotal: AnyObject, Sendable {
    init()
    func addOne()
    var value: Int { get }
}

// ANCHOR: exercise-3-checks
func checkRunningTotal(_ cell: Cell, _ kind: any RunningTotal.Type) {
    let total = kind.init()
    let threads = 4, additions = 10_000
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        for _ in 0..<additions { total.addOne() }
    }
    print("total: \(Format.count(total.value)) of \(Format.count(threads * additions))")
    cell.check(total.value == threads * additions,
               "no update lost: \(Format.count(total.value)) == \(Format.count(threads * additions))")
}
// ANCHOR_END: exercise-3-checks
