import Foundation
import Notebook

// ANCHOR: no-gil
func noGIL(_ cell: Cell) {
    let limit = primesLimit
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let clearSpeedup = 1.3  // well above the 1× a GIL would allow
    // Other programs share the machine, and they slow some runs down. So the three
    // thread counts run in turn, round after round, and each keeps its best (shortest)
    // time: the run they disturbed least. Two rounds at least; more, for up to 3 s, while
    // on a machine with several cores two threads have not yet shown a clear speedup.
    var seconds: [Int: Double] = [:]
    var counts: [Int: Int] = [:]
    var rounds = 0
    let before = CPUSnapshot.now()
    let measuring = ContinuousClock.now
    repeat {
        rounds += 1
        for threads in [1, 2, 4] {
            let start = ContinuousClock.now
            counts[threads] = countPrimes(below: limit, threads: threads)
            seconds[threads] = min(seconds[threads] ?? .infinity, (ContinuousClock.now - start).seconds)
        }
    } while rounds < 2 || (ContinuousClock.now - measuring < .seconds(3) && cores > 1
                            && seconds[1]! / seconds[2]! <= clearSpeedup)
    let busyElsewhere = before.flatMap { start in CPUSnapshot.now()?.coresBusyElsewhere(since: start) }
    for threads in [1, 2, 4] {
        let speedup = seconds[1]! / seconds[threads]!
        print("\(threads) thread(s): \(counts[threads]!) primes in \(Format.duration(seconds[threads]!)), "
              + "speedup \(Format.number(speedup))× (ideal \(min(threads, cores))×)")
    }
// ANCHOR_END: no-gil

    let speedup2 = seconds[1]! / seconds[2]!, speedup4 = seconds[1]! / seconds[4]!
    cell.value("primes-limit", limit)
    cell.value("primes-rounds", rounds)
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
    // A speedup needs free cores. Other programs can take them, so the check applies
    // when at least 1.5 cores were left to this chapter on average (or when the load
    // cannot be read, outside Linux).
    let freeCores = Double(cores) - (busyElsewhere ?? 0)
    cell.value("primes-busy-elsewhere", text: busyElsewhere.map { Format.number($0, digits: 1) } ?? "an unknown number of")
    if cores > 1 && freeCores >= 1.5 {
        cell.check(speedup2 > clearSpeedup,
                   "with \(cores) cores (\(Format.number(freeCores, digits: 1)) free), 2 threads beat 1 by more than \(clearSpeedup)× (measured \(Format.number(speedup2))×)")
        cell.value("primes-verdict", text: "two threads were clearly faster than one (checked: more than \(clearSpeedup)×)")
    } else if cores > 1 {
        print("other programs kept \(Format.number(busyElsewhere ?? 0, digits: 1)) of \(cores) cores busy: too few free cores to check the speedup")
        cell.value("primes-verdict", text: "the speedup was not checked: other programs left fewer than 1.5 cores free")
    } else {
        cell.value("primes-verdict", text: "the speedup was not checked: with one core, threads can only take turns")
    }
}

/// Count primes below this: about 0.4 s of work for one thread in a release build
/// (a debug build is slower, so it counts below a smaller limit).
#if DEBUG
let primesLimit = 1_000_000
#else
let primesLimit = 2_000_000
#endif
