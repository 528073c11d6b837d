import Foundation
import Loopback
import Notebook
import Primitives

// Run one with `swift run chapter-11 exercise N`. Each starts with its checks failing;
// make them pass.

// ANCHOR: exercise-1
/// Exercise 1: fetch 40 pages (50 ms each) on worker threads in under 0.2 s.
/// Two numbers stand in the way; find both.
func exerciseHiddenLimit(_ cell: Cell) throws {
    let server = LoopbackServer()
    try server.start()
    defer { server.stop() }
    let urls = (0..<40).map { server.url("/page/\($0)?delay_ms=50") }

    // TODO: how many threads? And how many connections will the session allow?
    let threads = 2
    let fetcher = PageFetcher(maximumConnections: 6)      // 6: URLSession's default on Linux

    let start = ContinuousClock.now
    let statuses = try withThreadPool(workers: threads) { pool in
        try pool.map(urls) { (try? fetcher.get($0)) ?? 0 }
    }
    let seconds = (ContinuousClock.now - start).seconds
    let ok = statuses.count { $0 == 200 }
    print("\(ok) pages in \(Format.duration(seconds)); the server saw at most \(server.statistics.maxInFlight) at once")
    cell.check(ok == 40, "every page arrived")
    cell.check(seconds < 0.2, "40 pages in under 0.2 s")
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: count the primes below 2,000,000 with `DispatchQueue.concurrentPerform`,
/// splitting the range into chunks yourself. Try 2, 16 and 200 chunks: which is fastest,
/// and why is 2 chunks slower than it should be on 2 cores?
func exercisePrimesByHand(_ cell: Cell) {
    let limit = 2_000_000
    let chunks = Primes.split(below: limit, into: 16)
    let oneByOneStart = ContinuousClock.now
    let expected = chunks.map(Primes.count).reduce(0, +)
    let oneByOne = (ContinuousClock.now - oneByOneStart).seconds

    let start = ContinuousClock.now
    let tally = Tally()
    // TODO: count the chunks with DispatchQueue.concurrentPerform, adding to `tally`.
    let seconds = (ContinuousClock.now - start).seconds
    print("one by one \(Format.duration(oneByOne)); concurrentPerform \(Format.duration(seconds))")
    cell.check(tally.value == expected, "the same count as one by one (\(tally.value) vs \(expected))")
    if ProcessInfo.processInfo.activeProcessorCount > 1 {
        cell.check(seconds < 0.8 * oneByOne, "faster than one by one")
    }
}
// ANCHOR_END: exercise-2
