import Foundation
import Notebook
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: slow-square
/// The job of worker role "slow-square": 20 ms of pretend work, then n².
func slowSquare(_ n: Int) -> Int {
    Thread.sleep(forTimeInterval: 0.02)
    return n * n
}
// ANCHOR_END: slow-square

// ANCHOR: pool
func poolMap(_ cell: Cell) throws {
    let pool = try ProcessPool(workers: 4, role: "slow-square")
    defer { pool.shutdown() }
    let inputs = Array(1...40)
    let timeline = cell.timeline("pool-timeline", "Four worker processes sharing 40 inputs of 20 ms (lane = worker pid)")
    let start = ContinuousClock.now
    let reports = pool.run(inputs, as: Int.self)         // `map` gives just the results
    let elapsed = ContinuousClock.now - start
    let squares = reports.compactMap { try? $0.result.get() }
    print("squares: \(squares.prefix(12).map(String.init).joined(separator: " ")) ...")
    let jobsPerWorker = Dictionary(grouping: reports, by: \.workerPID).mapValues(\.count)
    for (pid, count) in jobsPerWorker.sorted(by: { $0.key < $1.key }) {
        print("worker \(pid) ran \(count) inputs")
    }
    for report in reports {
        timeline.record(lane: "pid \(report.workerPID)", label: "\(report.index + 1)", from: report.started, to: report.finished)
    }
    // ANCHOR_END: pool
    let sequential = Double(inputs.count) * 0.02
    let ideal = sequential / Double(pool.size)
    cell.value("pool-elapsed", elapsed, digits: 3)
    cell.value("pool-sequential", sequential, digits: 2, unit: "s")
    cell.value("pool-ideal", ideal, digits: 2, unit: "s")
    cell.value("pool-workers-used", jobsPerWorker.count)
    cell.check(squares == inputs.map { $0 * $0 }, "all 40 results, in input order")
    cell.check(jobsPerWorker.count > 1, "more than one worker did work (\(jobsPerWorker.count) of \(pool.size))")
    let overlap = mostAtOnce(reports.map { ($0.started, $0.finished) })
    cell.value("pool-most-at-once", overlap)
    cell.check(overlap > 1, "inputs ran at the same time in different workers (at most \(overlap) at once)")
}

/// The largest number of the `spans` that were in progress at one instant.
func mostAtOnce(_ spans: [(start: ContinuousClock.Instant, end: ContinuousClock.Instant)]) -> Int {
    // +1 at each start, -1 at each end; at equal instants the end comes first.
    let events = spans.flatMap { [($0.start, 1), ($0.end, -1)] }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    var open = 0, most = 0
    for (_, change) in events {
        open += change
        most = max(most, open)
    }
    return most
}

// ANCHOR: fragile
/// The job of worker role "fragile": input 13 crashes the worker, input 21 never ends.
func fragileSquare(_ n: Int) -> Int {
    if n == 13 { fatalError("13 is unlucky") }
    if n == 21 { while true { Thread.sleep(forTimeInterval: 1) } }
    return n * n
}
// ANCHOR_END: fragile

// ANCHOR: pool-failures
func poolFailures(_ cell: Cell) throws {
    // A crashing Swift program prints a long backtrace; one line is enough here.
    let pool = try ProcessPool(workers: 4, role: "fragile", environment: ["SWIFT_BACKTRACE": "enable=no"],
                               jobTimeout: .milliseconds(500))
    defer { pool.shutdown() }
    let before = pool.workerPIDs
    let results = pool.map(Array(1...30), as: Int.self)
    for (n, result) in zip(1..., results) {
        if case .failure(let failure) = result { print("input \(n): \(failure)") }
    }
    let succeeded = results.filter { (try? $0.get()) != nil }.count
    print("\(succeeded) of \(results.count) inputs succeeded")
    print("workers before: \(before.sorted()), after: \(pool.workerPIDs.sorted())")
    // ANCHOR_END: pool-failures
    let after = Set(pool.workerPIDs)
    cell.value("pool-succeeded", succeeded)
    var crashSignal: Int32 = 0
    if case .failure(.workerDied(.signalled(let signal))) = results[12] { crashSignal = signal }
    cell.value("crash-signal", text: "\(crashSignal) (\(Termination.signalName(crashSignal)))")
    cell.check(crashSignal != 0, "input 13: the worker died of a signal, reported for that input")
    cell.check(results[20] == .failure(.timedOut(after: .milliseconds(500))), "input 21: no reply within 0.5 s, reported as a timeout")
    cell.check(succeeded == 28 && zip(1..., results).allSatisfy { n, r in n == 13 || n == 21 || r == .success(n * n) },
               "the other 28 inputs have their results, in order")
    // Which workers drew inputs 13 and 21 varies: two of the first four, or one of them and
    // then its replacement. Either way every lost worker was replaced, so 2 or 3 of the
    // first four remain and the pool is back to 4.
    let kept = after.intersection(before).count
    cell.value("pool-originals-kept", kept)
    cell.check(after.count == 4 && (2...3).contains(kept),
               "the pool replaced every lost worker and still has 4 (\(kept) of the first four remain)")
}
