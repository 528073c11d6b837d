import Foundation
import Notebook
import Primitives
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Big enough to take a few hundred milliseconds one by one, in a debug build (the test
/// suite's) as in a release build: a shorter run makes the pools' start-up the measurement.
#if DEBUG
let primeLimit = 1_200_000
/// The most a pool may take, as a share of the one-by-one time, for the speedup check.
/// A debug build is the test suite's, whose timings wander more (one run in a few dozen
/// came out near 0.85 on an idle machine): there the check asks only for a clear gain.
let speedupBound = 0.95
#else
let primeLimit = 2_000_000
let speedupBound = 0.85
#endif

/// Times each way of counting and notes, for each timing, what else could have made it
/// slow: how many cores other programs kept busy (the most during any one timing, so a
/// burst of load during one of them cannot hide in an average over all three), and the
/// CPU time this program and its workers spent (the same work costing more CPU time in
/// parallel means the cores themselves ran slower while all were busy).
final class LoadAwareClock {
    /// `nil` when this system does not say how busy other programs keep it.
    private(set) var busiestElsewhere: Double? = 0
    /// CPU seconds spent by this program and its children during each timing, in order.
    private(set) var cpuSeconds: [Double?] = []

    func measure(_ work: () throws -> Void) rethrows -> Duration {
        let before = CPUSnapshot.now()
        let time = try ContinuousClock().measure(work)
        let after = CPUSnapshot.now()
        let busy = before.flatMap { before in after?.coresBusyElsewhere(since: before) }
        busiestElsewhere = busy.flatMap { busy in busiestElsewhere.map { max($0, busy) } }
        cpuSeconds.append(before.flatMap { before in after.map {
            ($0.processSeconds + $0.childrenSeconds) - (before.processSeconds + before.childrenSeconds)
        } })
        return time
    }
}

// ANCHOR: cpu-bound
func threadsVersusProcesses(_ cell: Cell) throws {
    let cores = UsableCores.count   // the CPUs this process may use (affinity, cgroup quota)
    let workers = cores
    // Many more pieces than workers: whoever finishes early takes another. Pieces of equal
    // width do not cost the same (trial division of larger numbers takes longer), and the
    // last piece to finish sets the time, so small pieces keep the tail short.
    let pieces = Primes.split(below: primeLimit, into: 16 * workers)
    let clock = LoadAwareClock()     // also notes how busy other programs kept the machine

    var sequential = 0
    let sequentialTime = clock.measure { sequential = Primes.count(in: 0..<primeLimit) }

    var threaded = 0
    let threadTime = try clock.measure {
        threaded = try withThreadPool(workers: workers) { pool in
            try pool.map(pieces, Primes.count(in:)).reduce(0, +)
        }
    }

    var processed = 0
    let processTime = try clock.measure {
        let pool = try ProcessPool(workers: workers, role: "count-primes")
        defer { pool.shutdown() }
        processed = try pool.map(pieces, as: Int.self).reduce(0) { try $0 + $1.get() }
    }
    print("primes below \(primeLimit): \(sequential) sequential, \(threaded) thread pool, \(processed) process pool")
    // ANCHOR_END: cpu-bound
    let ideal = Double(workers)
    let busyElsewhere = clock.busiestElsewhere
    // Rounded once, so the figure printed is the figure compared.
    let free = busyElsewhere.map { CPUSnapshot.coresLeft(of: cores, busyElsewhere: $0) }
    let freeText = free.map { Format.number($0, digits: 1) } ?? "an unknown number of"
    // The same primes, counted in parallel, should cost about the same CPU time as one by
    // one. Seen on this book's 2-vCPU virtual machine, now and then: both workers busy for
    // the whole timing, and the pool no faster than one core (the host gave two busy
    // vCPUs the speed of one). Then no speedup is measurable either.
    let costs = clock.cpuSeconds
    let inflation = costs.count == 3 ? costs[0].flatMap { one in
        one > 0 ? [costs[1], costs[2]].compactMap { $0.map { $0 / one } }.max() : nil } : nil
    let coresSlowed = (inflation ?? 1) > 1.3
    let measurable = (free ?? 0) >= 1.5 && !coresSlowed && !Notebook.isThreadSanitized   // unknown load: nothing measurable
    let threadSpeedup = sequentialTime / threadTime, processSpeedup = sequentialTime / processTime
    let idealText = measurable ? "\(workers)" : "\(workers) if idle; not measurable this run"
    cell.table("cpu-bound-table", "Primes below \(Format.count(primeLimit)), \(workers) workers on \(cores) cores, \(freeText) cores free",
               header: ["way", "time", "speedup", "ideal speedup"], rows: [
                   ["sequential", Format.duration(sequentialTime.seconds), "1.00", "1"],
                   ["thread pool", Format.duration(threadTime.seconds), Format.number(threadSpeedup), idealText],
                   ["process pool", Format.duration(processTime.seconds), Format.number(processSpeedup), idealText],
               ])
    // The ideal marker only when this run could reach it: on a busy machine it would
    // present the load as the pools' shortfall.
    cell.barChart("cpu-bound-speedup", measurable ? "Speedup over sequential (marker: the ideal, one per core)"
                      : "Speedup over sequential (no ideal marked: not measurable this run, see the text)", unit: "×", [
        Bar("thread pool", threadSpeedup, ideal: measurable ? ideal : nil),
        Bar("process pool", processSpeedup, ideal: measurable ? ideal : nil),
    ])
    cell.value("cpu-cores", cores)
    cell.value("cpu-limit", primeLimit)
    cell.value("cpu-pieces", pieces.count)
    cell.value("cpu-primes", sequential)
    cell.value("cpu-sequential", sequentialTime, digits: 3)
    cell.value("cpu-threads", threadTime, digits: 3)
    cell.value("cpu-processes", processTime, digits: 3)
    cell.value("cpu-thread-speedup", threadSpeedup, digits: 2, unit: "×")
    cell.value("cpu-process-speedup", processSpeedup, digits: 2, unit: "×")
    cell.value("cpu-free-cores", text: freeText)
    if let inflation { cell.value("cpu-work-inflation", inflation, digits: 2, unit: "×") }
    else { cell.value("cpu-work-inflation", text: "an unknown multiple of") }
    // No parallel run can beat the ideal; a figure above it means the one-by-one run was
    // slowed more than the pools were (2% of slack for the clock's own noise).
    let aboveIdeal = [("thread pool", threadSpeedup), ("process pool", processSpeedup)].filter { $0.1 > ideal * 1.02 }.map(\.0)
    cell.value("cpu-above-ideal", text: aboveIdeal.isEmpty
        ? "Neither figure is above the ideal, as none can be."
        : "The \(aboveIdeal.joined(separator: " and ")) figure\(aboveIdeal.count == 1 ? " is" : "s are") above the ideal of "
          + "\(workers)×, which no parallel run can beat: the one-by-one run was slowed more than the pools were (by load "
          + "from other programs too brief for the kernel's counters, or by the machine itself: clock-speed changes, a "
          + "virtual machine's neighbours), so this run's figures are within that noise.")
    cell.value("cpu-speedup-verdict", text: measurable
        ? "enough to measure a speedup, so the run checked one: both pools had to take less than \(speedupBound) × the sequential time"
        : Notebook.isThreadSanitized
            ? "but this build runs under ThreadSanitizer, which slows threads far more than one, so the speedup was not measurable and none was checked"
            : coresSlowed && (free ?? 0) >= 1.5
            ? "enough, but the cores themselves ran slower while both were busy: the same primes cost \(Format.number(inflation!))× the CPU time they cost one core alone (a virtual machine's host, or hyperthreads sharing one physical core, can do that), so the speedup was not measurable this run and none was checked"
            : "fewer than the 1.5 a speedup check needs, so the speedup was not measurable this run and none was checked: the figures below say as much about the other programs as about the pools")
    cell.check(threaded == sequential && processed == sequential, "all three ways counted \(sequential) primes")
    if measurable {
        cell.check(threadTime < sequentialTime * speedupBound && processTime < sequentialTime * speedupBound,
                   "with \(freeText) cores free, both pools took less than \(speedupBound) × the sequential time "
                   + "(thread pool \(Format.number(threadTime / sequentialTime)) ×, process pool \(Format.number(processTime / sequentialTime)) ×)")
    } else {
        print(Notebook.isThreadSanitized ? "built with ThreadSanitizer, which slows threads far more than one: no speedup to check"
              : "only \(freeText) cores were free (other programs are busy): the speedup was not measurable, none checked")
    }
}
