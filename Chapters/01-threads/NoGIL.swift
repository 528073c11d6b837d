import Foundation
import Primitives
import Notebook

// ANCHOR: no-gil
func noGIL(_ cell: Cell) {
    let cores = UsableCores.count
    let clearSpeedup = 1.3  // well above the 1× a GIL would allow
    let timings = PrimeTimings.measure(below: primesLimit, threadCounts: [1, 2, 4]) {
        cores == 1 || $0.speedup(2) > clearSpeedup
    }
    for threads in timings.threadCounts {
        let time = Format.duration(timings.best[threads]!)
        let speedup = Format.number(timings.speedup(threads))
        print("\(threads) thread\(threads == 1 ? "" : "s"): \(timings.primes[threads]!) primes in \(time),",
              "speedup \(speedup)× (ideal \(min(threads, cores))×)")
    }
    // ANCHOR_END: no-gil

    cell.value("primes-limit", primesLimit)
    cell.value("primes-rounds", timings.rounds)
    cell.value("primes-count", timings.primes[1]!)
    cell.value("primes-cores", cores)
    for threads in timings.threadCounts {
        cell.value("primes-time-\(threads)", timings.best[threads]!, unit: "s")
        cell.value("primes-speedup-\(threads)", timings.speedup(threads), unit: "×")
        cell.value("primes-ideal-\(threads)", min(threads, cores), unit: "×")
    }
    cell.barChart("primes-speedup", "Speedup over one thread, counting primes below \(Format.count(primesLimit))",
                  unit: "×", timings.threadCounts.map { n in
                      Bar("\(n) thread\(n == 1 ? "" : "s")", timings.speedup(n), ideal: Double(min(n, cores)))
                  })
    cell.check(Set(timings.primes.values).count == 1, "1, 2 and 4 threads found the same number of primes")
    // No thread count can beat its ideal; a figure above it means other programs slowed
    // the one-thread run more than the others.
    let aboveIdeal = timings.threadCounts.filter { $0 > 1 && timings.speedup($0) > Double(min($0, cores)) * 1.02 }
    cell.value("primes-above-ideal", text: aboveIdeal.isEmpty
        ? "No bar rose above its ideal, as none can"
        : "The bar for \(aboveIdeal.map { "\($0) threads" }.joined(separator: " and ")) rose above its ideal, which no "
          + "parallel run can beat: other programs slowed the one-thread run more than that one")

    // A speedup needs free cores, and other programs can take them. So the check applies
    // when at least 1.5 cores were left to this chapter on average (or when the load
    // cannot be read, outside Linux).
    let busyElsewhere = timings.busyElsewhere ?? 0
    let freeCores = CPUSnapshot.coresLeft(of: cores, busyElsewhere: busyElsewhere)   // printed and compared alike
    cell.value("primes-busy-elsewhere", text: timings.busyElsewhere.map { Format.number($0, digits: 1) } ?? "an unknown number of")
    if cores > 1 && freeCores >= 1.5 && !Notebook.isThreadSanitized {
        cell.check(timings.speedup(2) > clearSpeedup,
                   "with \(cores) cores (\(Format.number(freeCores, digits: 1)) free), 2 threads beat 1 by more than "
                   + "\(clearSpeedup)× (measured \(Format.number(timings.speedup(2)))×)")
        cell.value("primes-verdict", text: "two threads were clearly faster than one (checked: more than \(clearSpeedup)×)")
    } else if Notebook.isThreadSanitized {
        cell.value("primes-verdict", text: "the speedup was not checked: this build runs under ThreadSanitizer, which slows threads far more than one")
    } else if cores > 1 {
        print("other programs kept \(Format.number(busyElsewhere, digits: 1)) of \(cores) cores busy: too few free cores to check the speedup")
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
