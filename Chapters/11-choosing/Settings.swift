import Foundation
import Notebook
import Primitives

/// The numbers that define the showdown. Every row of the results runs with these.
enum Settings {
    /// Pages fetched by each I/O model.
    static let pages = 40
    /// How long the loopback server waits before answering each page.
    static let delay = Duration.milliseconds(50)
    /// Threads in the thread pool, and permits of the async semaphore.
    static let threads = 8
    /// Worker processes in each process pool.
    static let processes = 4
    /// Rounds of every I/O row, taking turns; the median and the spread are reported.
    /// (One under ThreadSanitizer, where timings mean nothing: it keeps `make tsan` short.)
    static let ioRounds = Notebook.isThreadSanitized ? 1 : 5

    /// The C10k: connections at once, and how long the server waits before each answer.
    /// (A tenth under ThreadSanitizer, where every thread and every memory access costs
    /// many times more and timings mean nothing: it keeps `make tsan` short.)
    static let c10kConnections = Notebook.isThreadSanitized ? 1_000 : 10_000
    static let c10kDelay = Duration.seconds(1)
    /// The client opens its connections in waves of this many, a pause apart: a burst of
    /// 10,000 at once overflows the server's listen queue (see the prose).
    static let c10kWave = 500
    static let c10kWavePause = Duration.milliseconds(10)
    /// From the first wave to the last: what the pacing adds to the ideal.
    static var c10kSpread: Double {
        Double((c10kConnections - 1) / c10kWave) * c10kWavePause.seconds
    }
    /// The servers' listen backlog; Linux caps it at `somaxconn`.
    static let c10kBacklog: Int32 = 4096

    /// Count primes below this, in `primeChunks` equal ranges.
    #if DEBUG
    static let primeLimit = 500_000              // a debug build computes more slowly
    #else
    static let primeLimit = 3_000_000
    #endif
    static let primeChunks = 16
    /// Threads (and worker processes) for the CPU-bound job.
    static let cpuWorkers = 4
    /// Rounds of each CPU-bound measurement; the best round counts.
    static let cpuRounds = 3

    /// Python counts primes below a smaller limit: it steps through the same loop many
    /// times more slowly, and the point is its speedup, not its speed.
    static let pythonPrimeLimit = 200_000

    /// The cores this process may use (its CPU affinity and cgroup quota taken into
    /// account on Linux), not merely the ones online.
    static let cores = UsableCores.count
    static var delaySeconds: Double { delay.seconds }

    /// The I/O physical limit: with `concurrency` pages in flight at a time, the pages
    /// arrive in ceil(pages / concurrency) waves of one delay each.
    static func idealFetchTime(concurrency: Int) -> Double {
        delaySeconds * Double((pages + concurrency - 1) / concurrency)
    }

    /// The CPU physical limit: `workers` busy workers use at most min(workers, cores) cores.
    static func idealSpeedup(workers: Int) -> Int { min(workers, cores) }

    /// The page path every model fetches.
    static func pagePath(_ index: Int) -> String {
        "/page/\(index)?delay_ms=\(Int(delay / .milliseconds(1)))"
    }
}
