import Foundation
import Loopback
import Notebook
import Primitives

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

/// Exercise 1's two numbers.
struct FetchSettings: Sendable {
    let threads: Int
    let connections: Int
}

// ANCHOR: exercise-1-checks
func checkHiddenLimit(_ cell: Cell, _ settings: FetchSettings) throws {
    let server = LoopbackServer()
    try server.start()
    defer { server.stop() }
    let urls = (0..<40).map { server.url("/page/\($0)?delay_ms=50") }
    let fetcher = PageFetcher(maximumConnections: settings.connections)
    let start = ContinuousClock.now
    let statuses = try withThreadPool(workers: settings.threads) { pool in
        try pool.map(urls) { (try? fetcher.get($0)) ?? 0 }
    }
    let seconds = (ContinuousClock.now - start).seconds
    let ok = statuses.count { $0 == 200 }
    print("\(settings.threads) threads, \(settings.connections) connections: \(ok) pages in \(Format.duration(seconds)) "
          + "(ideal 50 ms); the server saw at most \(server.statistics.maxInFlight) at once")
    cell.check(ok == 40, "every page arrived (\(ok) of 40)")
    cell.check(seconds < 0.2, "40 pages in under 0.2 s (took \(Format.duration(seconds)))")
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkPrimesByHand(_ cell: Cell, _ countAll: @Sendable ([Range<Int>], @Sendable (Range<Int>) -> Int, Tally) -> Void) {
    let limit = 2_000_000
    let chunks = Primes.split(below: limit, into: 16)
    let oneByOneStart = ContinuousClock.now
    let expected = chunks.map(Primes.count).reduce(0, +)
    let oneByOne = (ContinuousClock.now - oneByOneStart).seconds

    // The checks count which threads did the counting: a plain loop would use one.
    let threads = Locked<Set<String>>([])
    let tally = Tally()
    let start = ContinuousClock.now
    countAll(chunks, { chunk in
        threads.withLock { _ = $0.insert("\(pthread_self())") }
        return Primes.count(in: chunk)
    }, tally)
    let seconds = (ContinuousClock.now - start).seconds
    let used = threads.withLock { $0.count }
    // Shown, not checked: other programs' load changes the speedup.
    print("one by one \(Format.duration(oneByOne)); yours \(Format.duration(seconds)) on \(Format.count(used, "thread")), "
          + "speedup \(Format.number(oneByOne / seconds))× (ideal \(Settings.cores)×)")
    cell.check(tally.value == expected, "the same count as one by one (\(tally.value) vs \(expected))")
    if Settings.cores > 1 {
        cell.check(used > 1, "the chunks were counted on more than one thread (\(used))")
    }
}
// ANCHOR_END: exercise-2-checks
