import Foundation
import Notebook
import Primitives
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Big enough to take about half a second one by one in a release build.
#if DEBUG
let primeLimit = 500_000
#else
let primeLimit = 2_000_000
#endif

// ANCHOR: cpu-bound
func threadsVersusProcesses(_ cell: Cell) throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let workers = cores
    // More pieces than workers: whoever finishes early takes another piece.
    let pieces = Primes.split(below: primeLimit, into: 4 * workers)
    let clock = ContinuousClock()
    let before = CPUSnapshot.now()   // afterwards: how busy did other programs keep the machine?

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
    let busyElsewhere = before.flatMap { CPUSnapshot.now()?.coresBusyElsewhere(since: $0) }
    let free = Double(cores) - (busyElsewhere ?? Double(cores))   // unknown load: check nothing
    let threadSpeedup = sequentialTime / threadTime, processSpeedup = sequentialTime / processTime
    cell.table("cpu-bound-table", "Primes below \(Format.count(primeLimit)), \(workers) workers on \(cores) cores",
               header: ["way", "time", "speedup", "ideal speedup"], rows: [
                   ["sequential", Format.duration(sequentialTime.seconds), "1.00", "1"],
                   ["thread pool", Format.duration(threadTime.seconds), Format.number(threadSpeedup), "\(workers)"],
                   ["process pool", Format.duration(processTime.seconds), Format.number(processSpeedup), "\(workers)"],
               ])
    cell.barChart("cpu-bound-speedup", "Speedup over sequential (marker: the ideal, one per core)", unit: "×", [
        Bar("thread pool", threadSpeedup, ideal: ideal),
        Bar("process pool", processSpeedup, ideal: ideal),
    ])
    cell.value("cpu-cores", cores)
    cell.value("cpu-limit", primeLimit)
    cell.value("cpu-primes", sequential)
    cell.value("cpu-sequential", sequentialTime, digits: 3)
    cell.value("cpu-threads", threadTime, digits: 3)
    cell.value("cpu-processes", processTime, digits: 3)
    cell.value("cpu-thread-speedup", threadSpeedup, digits: 2)
    cell.value("cpu-process-speedup", processSpeedup, digits: 2)
    cell.value("cpu-free-cores", free, digits: 1)
    cell.check(threaded == sequential && processed == sequential, "all three ways counted \(sequential) primes")
    if free >= 1.5 && !Notebook.isThreadSanitized {
        cell.check(threadTime < sequentialTime * 0.85 && processTime < sequentialTime * 0.85,
                   "with \(Format.number(free, digits: 1)) cores free, both pools took less than 0.85 × the sequential time")
    } else {
        print(Notebook.isThreadSanitized ? "built with ThreadSanitizer, which slows threads far more than one: no speedup to check"
              : "only \(Format.number(free, digits: 1)) cores were free (other programs are busy): no speedup to check")
    }
}
