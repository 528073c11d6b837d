import Foundation
import Primitives
import Notebook
import Processes
import Synchronization

// ANCHOR: threads
/// The chapter 01 way: `workers` threads take pieces from a shared counter until none
/// are left. Threads share memory, so each adds its counts straight into one atomic total.
func countPrimesWithThreads(_ pieces: [Range<Int>], workers: Int) -> Int {
    let next = Atomic<Int>(0)
    let total = Atomic<Int>(0)
    let done = DispatchGroup()
    for _ in 0..<workers {
        done.enter()
        Thread {
            while case let i = next.wrappingAdd(1, ordering: .relaxed).oldValue, i < pieces.count {
                total.wrappingAdd(Primes.count(in: pieces[i]), ordering: .relaxed)
            }
            done.leave()
        }.start()
    }
    done.wait()                                  // the group's wait orders every add before this load
    return total.load(ordering: .relaxed)
}
// ANCHOR_END: threads

// ANCHOR: primes
func primes(_ cell: Cell) throws {
    let limit = primeLimit, workers = 4
    let pieces = Primes.split(below: limit, into: 16)          // more pieces than workers: the last ones balance the load
    let pool = try ProcessPool(workers: workers, role: "count-primes")
    defer { pool.shutdown() }
    let cores = UsableCores.count

    // Three rounds, keeping each way's best time: other programs on the machine can only
    // make a run slower, so the fastest of three is the fairest measure of each.
    let clock = ContinuousClock()
    var sequential = 0, threaded = 0, pooled: [Result<Int, JobFailure>] = []
    var sequentialTime = Duration.seconds(1_000), threadTime = sequentialTime, poolTime = sequentialTime
    let (_, busyElsewhere) = CPUSnapshot.measuringOthers {   // how busy other programs kept the machine
        for _ in 1...3 {
            sequentialTime = min(sequentialTime, clock.measure { sequential = Primes.count(in: 0..<limit) })
            threadTime = min(threadTime, clock.measure { threaded = countPrimesWithThreads(pieces, workers: workers) })
            poolTime = min(poolTime, clock.measure { pooled = pool.map(pieces, as: Int.self) })
        }
    }
    let processed = try pooled.reduce(0) { try $0 + $1.get() }
    print("primes below \(limit): \(sequential) (sequential), \(threaded) (threads), \(processed) (processes)")
    // ANCHOR_END: primes
    let available = CPUSnapshot.coresLeft(of: cores, busyElsewhere: busyElsewhere ?? 0)   // printed and compared alike
    print("cores: \(cores); other programs kept \(busyElsewhere.map { Format.number($0, digits: 1) } ?? "an unknown number of") busy meanwhile")
    let ideal = Double(min(workers, cores))
    let threadSpeedup = sequentialTime / threadTime, poolSpeedup = sequentialTime / poolTime
    for (name, time) in [("sequential", sequentialTime), ("threads", threadTime), ("processes", poolTime)] {
        print("\(name): \(Format.number(time.seconds, digits: 3)) s, speedup \(Format.number(sequentialTime / time, digits: 2))")
    }
    cell.value("primes-limit", limit)
    cell.value("primes-count", sequential)
    cell.value("primes-cores", cores)
    cell.value("primes-available", available, digits: 1)
    cell.value("primes-ideal", ideal, digits: 0)
    cell.value("primes-sequential", sequentialTime, digits: 3)
    cell.value("primes-threads", threadTime, digits: 3)
    cell.value("primes-processes", poolTime, digits: 3)
    cell.value("primes-thread-speedup", threadSpeedup, digits: 2)
    cell.value("primes-process-speedup", poolSpeedup, digits: 2)
    cell.check(threaded == sequential && processed == sequential, "all three ways count \(sequential) primes")
    // Other programs may be using the cores; the speedup is checked only when, during the
    // timings, they left this run at least one and a half (read from /proc/stat).
    let measured = cores > 1 && busyElsewhere != nil && available >= 1.5 && !Notebook.isThreadSanitized
    if measured {
        cell.check(threadTime < sequentialTime * 0.9 && poolTime < sequentialTime * 0.9,
                   "with \(Format.number(available, digits: 1)) of \(cores) cores free, threads and processes both take less than 0.9 × the sequential time")
        cell.value("primes-verdict", text: "it was checked, with \(Format.number(available, digits: 1)) of \(cores) cores free, and held: threads and processes both took less than 0.9 × the sequential time")
    } else {
        let why = Notebook.isThreadSanitized ? "this build runs under ThreadSanitizer"
            : cores == 1 ? "this program may use only one core"
            : busyElsewhere == nil ? "this system does not report how busy other programs keep it"
            : "other programs left only \(Format.number(available, digits: 1)) of \(cores) cores free"
        cell.value("primes-verdict", text: "it was not checked, because \(why): these figures are not a speedup measurement this run, they show the machine's load as much as threads or processes")
    }
    // No parallel run can beat the ideal; a figure above it means the sequential run was
    // slowed by other programs more than the parallel one.
    let aboveIdeal = [("threads", threadSpeedup), ("processes", poolSpeedup)].filter { $0.1 > ideal * 1.02 }.map(\.0)
    cell.value("primes-above-ideal", text: aboveIdeal.isEmpty
        ? "Neither figure is above the ideal, as none can be"
        : "The \(aboveIdeal.joined(separator: " and ")) figure\(aboveIdeal.count == 1 ? " is" : "s are") above the ideal of \(Format.number(ideal, digits: 0))×, which no parallel run can beat: other programs slowed the sequential run more than the parallel one")
    let chartNote = measured && aboveIdeal.isEmpty ? "" : " (load noise this run: see the text)"
    cell.barChart("primes-speedup", "Speedup over sequential with \(workers) workers on \(cores) cores\(chartNote)", unit: "×", [
        Bar("threads", threadSpeedup, ideal: ideal),
        Bar("processes", poolSpeedup, ideal: ideal),
    ])
}

/// Big enough to take a few tenths of a second one by one.
#if DEBUG
let primeLimit = 300_000
#else
let primeLimit = 1_000_000
#endif

// ANCHOR: startup
/// The fastest and the mean of `count` timings of `body`.
func timings(_ count: Int, _ body: () throws -> Void) rethrows -> (fastest: Duration, mean: Duration) {
    let clock = ContinuousClock()
    let times = try (0..<count).map { _ in try clock.measure(body) }
    return (times.min()!, times.reduce(.zero, +) / count)
}

func startupCost(_ cell: Cell) throws {
    let count = 20
    let process = try timings(count) {
        try ChildProcess(role: "exit-now").waitUntilExit()
    }
    let thread = timings(count) {
        let finished = DispatchSemaphore(value: 0)
        Thread { finished.signal() }.start()
        finished.wait()
    }
    let task = timings(count) {
        let finished = DispatchSemaphore(value: 0)
        Task { finished.signal() }
        finished.wait()
    }
    // ANCHOR_END: startup
    let kinds = [("process", process), ("thread", thread), ("task", task)]
    cell.table("startup-table", "Start one, run nothing, wait for it to end (\(count) times each)",
               header: ["kind", "fastest", "mean", "fastest × a task's"],
               rows: kinds.map { name, time in
                   [name, Format.duration(time.fastest.seconds), Format.duration(time.mean.seconds),
                    // A ratio in the thousands has no meaningful decimal.
                    Format.number(time.fastest / task.fastest, digits: time.fastest / task.fastest >= 10 ? 0 : 1)]
               })
    cell.value("startup-process", text: Format.duration(process.fastest.seconds))
    cell.value("startup-thread", text: Format.duration(thread.fastest.seconds))
    cell.value("startup-task", text: Format.duration(task.fastest.seconds))
    cell.value("startup-process-per-thread", process.fastest / thread.fastest, digits: 0)
    // The fastest of 20: a busy machine can slow any single start, not speed it up.
    cell.check(process.fastest > thread.fastest * 10, "the fastest process start costs more than 10 of the fastest thread starts")
}
