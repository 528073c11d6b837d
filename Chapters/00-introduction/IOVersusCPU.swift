import Foundation
import Notebook
import Primitives

// ANCHOR: run-helpers
/// Runs `job` once per index, one after another, and returns the elapsed seconds.
func oneByOne(_ jobs: Int, _ job: (Int) -> Void) -> Double {
    let start = ContinuousClock.now
    for index in 0..<jobs { job(index) }
    return (ContinuousClock.now - start).seconds
}

/// Runs `job` once per index, each on a thread of its own, all at once, and returns the
/// elapsed seconds once every thread has finished.
func onThreads(_ jobs: Int, _ job: @escaping @Sendable (Int) -> Void) -> Double {
    let finished = DispatchGroup()
    let start = ContinuousClock.now
    for index in 0..<jobs {
        finished.enter()
        Thread {
            job(index)
            finished.leave()
        }.start()
    }
    finished.wait()
    return (ContinuousClock.now - start).seconds
}
// ANCHOR_END: run-helpers

// ANCHOR: io-vs-cpu
func ioVersusCPU(_ cell: Cell) {
    let jobs = 8
    let seconds = 0.04                                   // each job's length, alone
    let arithmetic = ArithmeticJob.lasting(seconds)
    let sleep: @Sendable (Int) -> Void = { _ in Thread.sleep(forTimeInterval: seconds) }
    let compute: @Sendable (Int) -> Void = { _ in blackHole(arithmetic.run()) }

    // Other programs share this machine. Each way of running is measured several times,
    // taking turns, and its best (shortest) run counts: the one they disturbed least.
    func best(_ rounds: Int, _ first: () -> Double, _ second: () -> Double) -> (Timing, Timing) {
        var runs = (Timing.never, Timing.never)
        for _ in 1...rounds {
            runs.0 = min(runs.0, Timing(first))
            runs.1 = min(runs.1, Timing(second))
        }
        return runs
    }
    let (sleepsOneByOne, sleepsAtOnce) = best(3, { oneByOne(jobs, sleep) }, { onThreads(jobs, sleep) })
    let (arithmeticOneByOne, arithmeticAtOnce) = best(5, { oneByOne(jobs, compute) }, { onThreads(jobs, compute) })
    // ANCHOR_END: io-vs-cpu

    let sleepSpeedup = sleepsOneByOne.seconds / sleepsAtOnce.seconds
    let arithmeticSpeedup = arithmeticOneByOne.seconds / arithmeticAtOnce.seconds
    let arithmeticIdeal = min(jobs, cores)
    print("\(jobs) jobs of about \(Format.duration(seconds)) each; \(cores) cores")
    print("sleeps:     one by one \(Format.duration(sleepsOneByOne.seconds)), on \(jobs) threads \(Format.duration(sleepsAtOnce.seconds)), "
          + "speedup \(Format.number(sleepSpeedup))× (ideal \(jobs)×)")
    print("arithmetic: one by one \(Format.duration(arithmeticOneByOne.seconds)), on \(jobs) threads \(Format.duration(arithmeticAtOnce.seconds)), "
          + "speedup \(Format.number(arithmeticSpeedup))× (ideal \(arithmeticIdeal)×)")
    print("cores busy on average: sleeping threads \(number(sleepsAtOnce.busyCores)), "
          + "arithmetic one by one \(number(arithmeticOneByOne.busyCores)), on threads \(number(arithmeticAtOnce.busyCores))")
    print("cores other programs kept busy meanwhile: \(number(arithmeticAtOnce.busyElsewhere))")

    cell.value("jobs", jobs)
    cell.value("job-ms", seconds * 1000, digits: 0, unit: "ms")
    cell.value("sleeps-one-by-one", sleepsOneByOne.seconds * 1000, digits: 0, unit: "ms")
    cell.value("sleeps-at-once", sleepsAtOnce.seconds * 1000, digits: 0, unit: "ms")
    cell.value("sleeps-speedup", sleepSpeedup, digits: 1)
    cell.value("sleeps-ideal", jobs)
    cell.value("arithmetic-one-by-one", arithmeticOneByOne.seconds * 1000, digits: 0, unit: "ms")
    cell.value("arithmetic-at-once", arithmeticAtOnce.seconds * 1000, digits: 0, unit: "ms")
    cell.value("arithmetic-speedup", arithmeticSpeedup, digits: 2)
    cell.value("arithmetic-ideal", arithmeticIdeal)
    cell.value("sleeps-busy", text: number(sleepsAtOnce.busyCores))
    cell.value("arithmetic-one-by-one-busy", text: number(arithmeticOneByOne.busyCores))
    cell.value("arithmetic-busy", text: number(arithmeticAtOnce.busyCores))
    cell.barChart("speedups", "Speedup of \(jobs) jobs on \(jobs) threads over one by one, \(cores) cores",
                  unit: "×", [
                      Bar("sleeps", sleepSpeedup, ideal: Double(jobs)),
                      Bar("arithmetic", arithmeticSpeedup, ideal: Double(arithmeticIdeal)),
                  ])
    cell.check(sleepSpeedup > Double(jobs) / 4,
               "sleeps on \(jobs) threads are more than \(jobs / 4)× faster (\(Format.number(sleepSpeedup))×)")
    // Arithmetic can only speed up on cores nobody else is using. While the threads
    // computed, other programs kept `busyElsewhere` cores busy; when they left fewer than
    // one and a half free, the speedup is reported but not checked.
    let freeCores = arithmeticAtOnce.busyElsewhere.map { CPUSnapshot.coresLeft(of: cores, busyElsewhere: $0) }
    let enoughFree = (freeCores ?? 0) >= 1.5 && !Notebook.isThreadSanitized
    cell.value("arithmetic-checked", text: cores == 1 ? "the check was left out, because this program may use only one core"
               : freeCores == nil ? "the check was left out, because this system does not report how busy other programs keep it"
               : Notebook.isThreadSanitized ? "the check was left out, because this build runs under ThreadSanitizer, which slows threads far more than one"
               : enoughFree ? "the check was made, with \(Format.number(freeCores!, digits: 1)) cores free, and it passed"
               : "the check was left out, because only \(Format.number(freeCores!, digits: 1)) of \(cores) cores were free")
    // No run can beat the core count; a figure above it means other programs slowed the
    // one-by-one run more than the threads.
    cell.value("arithmetic-above-ideal", text: arithmeticSpeedup > Double(arithmeticIdeal) * 1.02
        ? "This run's arithmetic figure is above its ideal, which no program can beat: other programs slowed the one-by-one run more than the threads"
        : "The arithmetic figure stayed at or below its ideal, as it must")
    if cores > 1 && enoughFree {
        cell.check(arithmeticSpeedup > 1.2,
                   "with \(cores) cores, arithmetic on threads is more than 1.2× faster (\(Format.number(arithmeticSpeedup))×)")
    }
    if let busy = arithmeticAtOnce.busyCores {
        cell.check(busy < Double(cores) + 0.1, "\(jobs) computing threads kept at most \(cores) cores busy (\(Format.number(busy)))")
    }
    // Under ThreadSanitizer every memory access is instrumented and the one-by-one and
    // threaded runs are slowed by different amounts, so their ratio says nothing.
    if !Notebook.isThreadSanitized {
        cell.check(arithmeticSpeedup < 1.25 * Double(arithmeticIdeal),
                   "arithmetic cannot beat the core count: \(Format.number(arithmeticSpeedup))× < 1.25 × \(arithmeticIdeal)")
    }
}

/// A measured core count for the prose, or a dash where the system does not report it.
func number(_ value: Double?) -> String { value.map { Format.number($0) } ?? "—" }
