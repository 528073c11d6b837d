import Foundation
import Notebook

// ANCHOR: no-gil
func noGIL(_ cell: Cell) {
    let limit = primesLimit
    let cores = ProcessInfo.processInfo.activeProcessorCount
    // Other programs share the machine: each thread count runs three times, in turn,
    // and the best (shortest) time counts, the one least disturbed by them.
    var seconds: [Int: Double] = [:]
    var counts: [Int: Int] = [:]
    for _ in 1...3 {
        for threads in [1, 2, 4] {
            let start = ContinuousClock.now
            counts[threads] = countPrimes(below: limit, threads: threads)
            seconds[threads] = min(seconds[threads] ?? .infinity, (ContinuousClock.now - start).seconds)
        }
    }
    for threads in [1, 2, 4] {
        let speedup = seconds[1]! / seconds[threads]!
        print("\(threads) thread(s): \(counts[threads]!) primes in \(Format.duration(seconds[threads]!)), "
              + "speedup \(Format.number(speedup))× (ideal \(min(threads, cores))×)")
    }
// ANCHOR_END: no-gil

    let speedup2 = seconds[1]! / seconds[2]!, speedup4 = seconds[1]! / seconds[4]!
    cell.value("primes-limit", limit)
    cell.value("primes-count", counts[1]!)
    cell.value("primes-cores", cores)
    cell.value("primes-time-1", seconds[1]!, unit: "s")
    cell.value("primes-time-2", seconds[2]!, unit: "s")
    cell.value("primes-time-4", seconds[4]!, unit: "s")
    cell.value("primes-speedup-2", speedup2, unit: "×")
    cell.value("primes-speedup-4", speedup4, unit: "×")
    cell.value("primes-ideal-2", min(2, cores), unit: "×")
    cell.value("primes-ideal-4", min(4, cores), unit: "×")
    cell.barChart("primes-speedup", "Speedup over one thread, counting primes below \(Format.count(limit))",
                  unit: "×", [1, 2, 4].map { n in
                      Bar("\(n) thread\(n == 1 ? "" : "s")", seconds[1]! / seconds[n]!, ideal: Double(min(n, cores)))
                  })
    cell.check(Set(counts.values).count == 1, "1, 2 and 4 threads found the same number of primes")
    if cores > 1 {
        cell.check(speedup2 > 1.3, "with \(cores) cores, 2 threads beat 1 by more than 1.3× (measured \(Format.number(speedup2))×)")
    }
}

/// Count primes below this: about 0.4 s of work for one thread in a release build
/// (a debug build is slower, so it counts below a smaller limit).
#if DEBUG
let primesLimit = 1_000_000
#else
let primesLimit = 2_000_000
#endif
