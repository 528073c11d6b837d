import Foundation
import Primitives

/// The best times of `countPrimes` on several thread counts. Other programs share the
/// machine and slow some runs down, so the thread counts run in turn, round after
/// round, and each keeps its best (shortest) time: the run they disturbed least.
struct PrimeTimings {
    let threadCounts: [Int]
    /// Best time in seconds, by thread count.
    private(set) var best: [Int: Double] = [:]
    /// Primes found, by thread count (the same for every count, or something is wrong).
    private(set) var primes: [Int: Int] = [:]
    private(set) var rounds = 0
    /// How many cores other programs kept busy meanwhile, on average (`nil` outside Linux).
    private(set) var busyElsewhere: Double?

    /// How many times faster than one thread `threads` threads were, best against best.
    func speedup(_ threads: Int) -> Double { best[1]! / best[threads]! }

    /// Runs `minimumRounds` rounds, then more while `isEnough` says no, until `budget`
    /// has been spent.
    static func measure(below limit: Int, threadCounts: [Int], minimumRounds: Int = 2,
                        budget: Duration = .seconds(3), isEnough: (PrimeTimings) -> Bool) -> PrimeTimings {
        var timings = PrimeTimings(threadCounts: threadCounts)
        let before = CPUSnapshot.now()
        let start = ContinuousClock.now
        repeat {
            timings.rounds += 1
            for threads in threadCounts {
                let runStart = ContinuousClock.now
                timings.primes[threads] = countPrimes(below: limit, threads: threads)
                let seconds = (ContinuousClock.now - runStart).seconds
                timings.best[threads] = min(timings.best[threads] ?? .infinity, seconds)
            }
        } while timings.rounds < minimumRounds || (ContinuousClock.now - start < budget && !isEnough(timings))
        timings.busyElsewhere = before.flatMap { CPUSnapshot.now()?.coresBusyElsewhere(since: $0) }
        return timings
    }
}
