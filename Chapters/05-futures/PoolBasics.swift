import Foundation
import Notebook
import Primitives
import Synchronization

// ANCHOR: submit
func submitAndLook(_ cell: Cell) throws {
    let (atOnce, later, thirdRunning) = try withThreadPool(workers: 3) { pool in
        let start = ContinuousClock.now
        let futures = try [1, 2, 3].map { units throws(ExecutorError) in
            try pool.submit {
                pause(units: Double(units))
                return units
            }
        }
        let atOnce = futures.map(\.isDone)
        print("just submitted:  \(futures.map(\.description))")
        pause(units: 2.5 - inUnits(ContinuousClock.now - start))
        let later = futures.map(\.isDone)
        let lookedAt = Format.number(inUnits(ContinuousClock.now - start), digits: 2)
        print("after \(lookedAt) units: \(futures.map(\.description))")
        return (atOnce, later, futures[2].isRunning)
    }
    // ANCHOR_END: submit
    cell.value("unit", unit.seconds * 1000, digits: 0, unit: "ms")
    cell.check(atOnce == [false, false, false], "submit returned at once: no job was done yet")
    cell.check(later == [true, true, false] && thirdRunning,
               "after 2.5 units the 1- and 2-unit jobs were done, the 3-unit job still running")
}

// ANCHOR: as-completed
func resultsAsCompleted(_ cell: Cell) throws {
    let timeline = cell.timeline("as-completed-timeline", "Three jobs on a pool of three workers (lane = worker thread)")
    let submitted = [3, 1, 2]                        // units of work, in submission order
    var completionOrder: [Int] = []
    var elapsed = 0.0                                // from the first submit to the last result
    try withThreadPool(workers: 3) { pool in
        let start = ContinuousClock.now
        let futures = try submitted.map { units throws(ExecutorError) in
            try pool.submit {
                timeline.span(lane: ThreadPoolExecutor.currentWorkerName ?? "?", label: units == 1 ? "1 unit" : "\(units) units") {
                    pause(units: Double(units))
                }
                return units
            }
        }
        for future in Futures.asCompleted(futures) {
            let units = try future.result()          // done already: never blocks here
            completionOrder.append(units)
            print("finished: the \(units)-unit job, at \(Format.number(inUnits(ContinuousClock.now - start), digits: 2)) units")
        }
        elapsed = seconds(since: start)
    }
    // ANCHOR_END: as-completed
    let ideal = unit.seconds * 3, sequential = unit.seconds * 6
    cell.value("as-completed-ideal", ideal, digits: 3, unit: "s")
    cell.value("as-completed-sequential", sequential, digits: 3, unit: "s")
    cell.value("as-completed-elapsed", elapsed, digits: 3, unit: "s")
    cell.value("as-completed-ratio", elapsed / ideal, digits: 2)
    cell.check(completionOrder == [1, 2, 3], "completion order 1, 2, 3 (submission order was 3, 1, 2): \(completionOrder)")
    cell.check(elapsed >= ideal * 0.99, "it cannot beat the longest job: \(Format.duration(elapsed)) ≥ \(Format.duration(ideal))")
    cell.check(elapsed < sequential * 0.8,
               "the jobs overlapped: \(Format.duration(elapsed)) < 0.8 × \(Format.duration(sequential)), the time one after another")
}

// ANCHOR: wait
func waitForFutures(_ cell: Cell) throws {
    let start = ContinuousClock.now
    /// Prints what a wait returned, and when; returns the values of the done futures and
    /// the time it printed (one reading, so the prose and the output agree).
    func report(_ label: String, _ result: WaitResult<Int>) -> (done: [Int], units: Double) {
        let done = result.done.compactMap { try? $0.result() }
        let at = inUnits(ContinuousClock.now - start)
        print("\(label) at \(Format.number(at, digits: 2)) units: done \(done), not done \(result.notDone.count)")
        return (done, at)
    }
    let (first, timedOut, all) = try withThreadPool(workers: 4) { pool in
        let futures = try [1, 2, 3, 4].map { units throws(ExecutorError) in
            try pool.submit { pause(units: Double(units)); return units }
        }
        let first = report("first completed", Futures.wait(futures, until: .firstCompleted))
        let timeLeft = unit * 2.5 - (ContinuousClock.now - start)   // until 2.5 units after submitting
        let timedOut = report("all, with a timeout", Futures.wait(futures, until: .allCompleted, timeout: timeLeft))
        let all = report("all completed", Futures.wait(futures, until: .allCompleted))
        return (first, timedOut, all)
    }
    // ANCHOR_END: wait
    cell.value("wait-all-elapsed", all.units, digits: 2, unit: "units")
    cell.check(first.done == [1], "FIRST_COMPLETED returned when the 1-unit job finished")
    cell.check(timedOut.done == [1, 2], "at the 2.5-unit timeout, the 1- and 2-unit jobs were done, 3 and 4 not")
    cell.check(all.done == [1, 2, 3, 4], "ALL_COMPLETED returned with all four done")
}

// ANCHOR: map
func mapInInputOrder(_ cell: Cell) throws {
    let finished = Locked<[Int]>([])
    let results = try withThreadPool(workers: 3) { pool in
        try pool.map([3, 1, 2]) { units in
            pause(units: Double(units))
            finished.withLock { $0.append(units) }
            return units * 10
        }
    }
    let finishOrder = finished.withLock { $0 }
    print("the jobs finished in the order \(finishOrder)")
    print("map returned \(results)")
    // ANCHOR_END: map
    cell.check(results == [30, 10, 20], "map returned the results in input order")
    cell.check(finishOrder == [1, 2, 3], "although the jobs finished in the order 1, 2, 3")
}

// ANCHOR: errors
/// A job's own error: what a parser throws for text that is not a number.
struct NotANumber: Error, CustomStringConvertible {
    let text: String
    var description: String { "'\(text)' is not a number" }
}

func parse(_ text: String) throws -> Int {
    guard let number = Int(text) else { throw NotANumber(text: text) }
    return number
}

func errorsInJobs(_ cell: Cell) throws {
    let inputs = ["12", "forty-two", "7"]
    var caught: [String] = []
    var mapError = "none"
    try withThreadPool(workers: 2) { pool in
        let futures = try inputs.map { text throws(ExecutorError) in try pool.submit { try parse(text) } }
        for (text, future) in zip(inputs, futures) {
            do {
                print("\(text) -> \(try future.result())")
            } catch let error as NotANumber {          // the job's own error, rethrown here
                print("\(text) -> error: \(error)")
                caught.append(error.text)
            }
        }
        do { _ = try pool.map(inputs, parse) } catch { mapError = "\(error)" }
        print("map rethrew: \(mapError)")
    }
    // ANCHOR_END: errors
    cell.check(caught == ["forty-two"], "result() rethrew the job's own error, for that job only; the others returned values")
    cell.check(mapError == "'forty-two' is not a number", "map rethrew the error of the failing input")
}

// ANCHOR: cancel
func cancelQueuedJob(_ cell: Cell) throws {
    let queuedJobRan = Atomic<Bool>(false)
    let (cancelledRunning, cancelledQueued, firstResult, queuedOutcome) = try withThreadPool(workers: 1) { pool in
        let started = Event(), mayFinish = Event()
        let running = try pool.submit {
            started.set()
            mayFinish.wait()               // hold the only worker until we have tried
            return "first"
        }
        let queued = try pool.submit {
            queuedJobRan.store(true, ordering: .relaxed)
            return "second"
        }
        started.wait()                      // the first job is surely running now
        let cancelledRunning = running.cancel()
        let cancelledQueued = queued.cancel()
        mayFinish.set()
        print("cancel() on the running job: \(cancelledRunning); on the queued job: \(cancelledQueued)")
        print(running, "and", queued)
        var queuedOutcome = "a value"
        do { _ = try queued.result() } catch { queuedOutcome = "\(error)" }
        print("result() of the cancelled job: \(queuedOutcome)")
        return (cancelledRunning, cancelledQueued, try running.result(), queuedOutcome)
    }
    // ANCHOR_END: cancel
    cell.check(!cancelledRunning && firstResult == "first", "a running job cannot be cancelled: it finished")
    cell.check(cancelledQueued && queuedOutcome == "\(FutureError.cancelled)", "the queued job was cancelled; result() throws .cancelled")
    cell.check(!queuedJobRan.load(ordering: .relaxed), "the cancelled job never ran, even after the worker was free")
}

// ANCHOR: shutdown
func shutdownPool(_ cell: Cell) throws {
    let pool = ThreadPoolExecutor(workers: 2)
    let futures = try (1...6).map { job throws(ExecutorError) in
        try pool.submit { pause(units: 1); return job }
    }
    let start = ContinuousClock.now
    pool.shutdown(wait: true)           // the six queued jobs still run, two at a time
    let waited = seconds(since: start)
    var refused = "accepted"
    do { _ = try pool.submit { 0 } } catch { refused = "\(error)" }
    print("shutdown(wait: true) returned after \(Format.duration(waited)); state \(pool.state)")
    print("jobs done: \(futures.filter(\.isDone).count) of \(futures.count); submit afterwards: \(refused)")
    // ANCHOR_END: shutdown
    let ideal = unit.seconds * 3
    cell.value("shutdown-ideal", ideal, digits: 3, unit: "s")
    cell.value("shutdown-waited", waited, digits: 3, unit: "s")
    cell.check(futures.allSatisfy(\.isDone), "every job queued before the shutdown finished before it returned")
    cell.check(waited >= ideal * 0.9,
               "it waited for them: \(Format.duration(waited)), about \(Format.duration(ideal)) for six 1-unit jobs on two workers")
    cell.check(pool.state == .stopped, "the pool is stopped: every worker has exited")
    cell.check(refused == "\(ExecutorError.shutDown)", "submit after shutdown throws ExecutorError.shutDown")
}

// ANCHOR: scoped
struct GaveUp: Error {}

func scopedPool(_ cell: Cell) {
    let escaped = Locked<ThreadPoolExecutor?>(nil)    // only to look at the pool afterwards
    let finished = Atomic<Int>(0)
    do {
        try withThreadPool(workers: 2) { pool in
            escaped.withLock { $0 = pool }
            for _ in 1...4 {
                _ = try pool.submit { pause(units: 1); finished.wrappingAdd(1, ordering: .relaxed) }
            }
            throw GaveUp()                  // the body fails with four jobs still queued
        }
    } catch {
        print("withThreadPool rethrew \(error)")
    }
    let state = escaped.withLock { $0?.state }
    print("the pool's state afterwards: \(state.map { "\($0)" } ?? "?"); jobs finished: \(finished.load(ordering: .relaxed))")
    // ANCHOR_END: scoped
    cell.check(state == .stopped, "the pool was shut down although the body threw")
    cell.check(finished.load(ordering: .relaxed) == 4, "and, like Python's with-block, it let the queued jobs finish first")
}
