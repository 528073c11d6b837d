import Foundation
import Notebook
import Primitives

// ANCHOR: bridge
func awaitAFuture(_ cell: Cell) async throws {
    let pool = ThreadPoolExecutor(workers: 2)
    defer { pool.shutdown() }
    let future = try pool.submit { pause(units: 1); return "computed on \(ThreadPoolExecutor.currentWorkerName ?? "?")" }
    let value = try await future.value            // suspends this task; no thread waits
    print("awaited: \(value)")

    let failing = try pool.submit { try parse("seven") }
    var rethrown = "nothing"
    do { _ = try await failing.value } catch { rethrown = "\(error)" }
    print("awaiting a failed future throws: \(rethrown)")
    // ANCHOR_END: bridge
    cell.check(value.hasPrefix("computed on pool-"), "await returned the value computed on a pool thread")
    cell.check(rethrown == "'seven' is not a number", "await rethrew the job's error")
}

// ANCHOR: block-or-await
func blockOrAwait(_ cell: Cell) async throws {
    let jobs = 8
    let pool = ThreadPoolExecutor(workers: jobs)       // enough workers: the pool is never the limit
    defer { pool.shutdown() }
    let blocked = ConcurrencyGauge()     // how many tasks are blocked in result() at once

    // Each task submits a 1-unit job, then BLOCKS its thread in result().
    let blockingStart = ContinuousClock.now
    let blockingSum = try await withThrowingTaskGroup(of: Int.self) { group in
        for n in 1...jobs {
            group.addTask {
                let future = try pool.submit { pause(units: 1); return n }
                return try blocked.measure { try future.result() }
            }
        }
        return try await group.reduce(0, +)
    }
    let blocking = seconds(since: blockingStart)

    // The same, but each task AWAITS the future: it is suspended, its thread is free.
    let awaitingStart = ContinuousClock.now
    let awaitingSum = try await withThrowingTaskGroup(of: Int.self) { group in
        for n in 1...jobs {
            group.addTask { try await pool.submit { pause(units: 1); return n }.value }
        }
        return try await group.reduce(0, +)
    }
    let awaiting = seconds(since: awaitingStart)
    // ANCHOR_END: block-or-await
    let threads = blocked.peak
    let blockingIdeal = unit.seconds * Double((jobs + threads - 1) / threads)
    print("blocking in result(): \(Format.duration(blocking)), at most \(threads) tasks blocked at once")
    print("awaiting .value:      \(Format.duration(awaiting))")
    cell.value("bridge-jobs", jobs)
    cell.value("bridge-threads", threads)
    cell.value("bridge-blocking", blocking, digits: 3, unit: "s")
    cell.value("bridge-blocking-ideal", blockingIdeal, digits: 3, unit: "s")
    cell.value("bridge-awaiting", awaiting, digits: 3, unit: "s")
    cell.value("bridge-awaiting-ideal", unit.seconds, digits: 3, unit: "s")
    let expected = (1...jobs).reduce(0, +)
    cell.check(blockingSum == expected && awaitingSum == expected, "both ways got every job's result (sum \(expected))")
    if threads < jobs {
        cell.check(awaiting < blocking * 0.75,
                   "awaiting (\(Format.duration(awaiting))) beat blocking (\(Format.duration(blocking))), which waited only \(threads) at a time")
    }
}

// ANCHOR: built-in
/// An async function: the work `async let` and `Task` run.
func slowSquare(_ n: Int) async throws -> Int {
    try await Task.sleep(for: unit)
    return n * n
}

func builtInFutures(_ cell: Cell) async throws {
    let start = ContinuousClock.now
    async let three = slowSquare(3)          // starts now, like submit
    async let four = slowSquare(4)
    let (nine, sixteen) = try await (three, four)   // like result(), but suspends
    let bothTook = seconds(since: start)
    print("async let: \(nine) and \(sixteen) after \(Format.duration(bothTook))")

    let handle = Task { try await slowSquare(5) }   // a value you can store and pass on
    let twentyFive = try await handle.value
    print("Task.value: \(twentyFive)")

    let failing = Task { () async throws -> Int in try parse("five") }
    var rethrown = "nothing"
    do { _ = try await failing.value } catch { rethrown = "\(error)" }
    print("Task.value of a failing task throws: \(rethrown)")
    // ANCHOR_END: built-in
    cell.value("built-in-ideal", unit.seconds, digits: 3, unit: "s")
    cell.value("built-in-elapsed", bothTook, digits: 3, unit: "s")
    cell.check(nine == 9 && sixteen == 16 && twentyFive == 25, "async let and Task.value returned the squares")
    cell.check(bothTook < unit.seconds * 1.8, "the two async lets ran at the same time: \(Format.duration(bothTook)) < 1.8 units")
    cell.check(rethrown == "'five' is not a number", "Task.value rethrew the task's error")
}
