import Foundation
import Processes
import Synchronization
import Testing

@Suite struct ProcessPoolTests {
    @Test func fiveHundredResultsInInputOrderFromSeveralWorkers() throws {
        let pool = try ProcessPool(workers: 4, role: "square", executable: TestWorker.url)
        defer { pool.shutdown() }
        let inputs = Array(0..<500)
        let reports = pool.run(inputs, as: Int.self)
        #expect(reports.map(\.index) == inputs)
        #expect(try reports.map { try $0.result.get() } == inputs.map { $0 * $0 })
        #expect(Set(reports.map(\.workerPID)).count > 1)
        #expect(Set(reports.map(\.workerPID)).isSubset(of: Set(pool.workerPIDs)))
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let pool = try ProcessPool(workers: 2, role: "square", executable: TestWorker.url)
        defer { pool.shutdown() }
        #expect(pool.map([Int](), as: Int.self).isEmpty)
    }

    @Test func aCrashFailsOnlyItsInputAndTheWorkerIsReplaced() throws {
        let pool = try ProcessPool(workers: 3, role: "fragile", arguments: ["7", "-1"], executable: TestWorker.url)
        defer { pool.shutdown() }
        let before = Set(pool.workerPIDs)
        let reports = pool.run(Array(0..<30), as: Int.self)
        // abort() raises SIGABRT (under ThreadSanitizer the worker exits with code 66 instead).
        guard case .failure(.workerDied(let termination)) = reports[7].result else {
            Issue.record("input 7: \(reports[7].result)")
            return
        }
        #expect(!termination.isSuccess)
        for report in reports where report.index != 7 {
            #expect(report.result == .success(report.index * report.index))
        }
        let after = Set(pool.workerPIDs)
        #expect(after.count == 3)
        #expect(!after.contains(reports[7].workerPID))
        #expect(after.subtracting(before).count == 1)
        #expect(processIsGone(reports[7].workerPID))
        // The replaced pool still works.
        #expect(pool.map([3], as: Int.self) == [.success(9)])
    }

    @Test func aHangingWorkerIsKilledAfterTheTimeout() throws {
        let pool = try ProcessPool(workers: 2, role: "fragile", arguments: ["-1", "3"],
                                   jobTimeout: .seconds(1), executable: TestWorker.url)
        defer { pool.shutdown() }
        let start = ContinuousClock.now
        let reports = pool.run(Array(0..<10), as: Int.self)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(reports[3].result == .failure(.timedOut(after: .seconds(1))))
        #expect(reports.filter { (try? $0.result.get()) != nil }.count == 9)
        #expect(processIsGone(reports[3].workerPID))
        #expect(pool.workerPIDs.count == 2)
    }

    @Test func errorsThrownByTheJobAreReportedPerInput() throws {
        let pool = try ProcessPool(workers: 2, role: "throws", executable: TestWorker.url)
        defer { pool.shutdown() }
        let pids = Set(pool.workerPIDs)
        let results = pool.map(Array(0..<6), as: Int.self)
        for (n, result) in results.enumerated() {
            if n % 2 == 0 { #expect(result == .success(n)) } else { #expect(result == .failure(.jobThrew("Odd()"))) }
        }
        #expect(Set(pool.workerPIDs) == pids, "a job that throws does not cost its worker")
    }

    @Test func invalidRepliesAreReportedNotFatal() throws {
        let garbage = try ProcessPool(workers: 2, role: "garbage", jobTimeout: .seconds(10), executable: TestWorker.url)
        defer { garbage.shutdown() }
        for result in garbage.map([1, 2, 3], as: Int.self) {
            #expect(result == .failure(.invalidReply("invalid message \"this is not JSON\": not valid JSON")))
        }
        let wrongID = try ProcessPool(workers: 1, role: "wrong-id", jobTimeout: .seconds(10), executable: TestWorker.url)
        defer { wrongID.shutdown() }
        #expect(wrongID.map([5], as: Int.self) == [.failure(.invalidReply("a reply to request 1, expected 0"))])
    }

    @Test func anInputThatCannotBeEncodedFailsWithoutCostingAWorker() throws {
        let pool = try ProcessPool(workers: 1, role: "square", executable: TestWorker.url)
        defer { pool.shutdown() }
        let pids = pool.workerPIDs
        // JSON has no NaN: the encoder refuses it before anything is sent.
        let results = pool.map([Double.nan], as: Int.self)
        guard case .failure(.unencodableInput) = results[0] else {
            Issue.record("expected unencodableInput, got \(results[0])")
            return
        }
        #expect(pool.workerPIDs == pids)
        #expect(pool.map([4], as: Int.self) == [.success(16)])
    }

    @Test func shutdownWithWorkInFlightReturnsAndReapsEveryWorker() throws {
        // Each job takes 50 ms; 400 jobs on 2 workers would take 10 s.
        let pool = try ProcessPool(workers: 2, role: "square", arguments: ["50"], executable: TestWorker.url)
        let pids = pool.workerPIDs
        let stopped = DispatchSemaphore(value: 0)
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 1)
            pool.shutdown()
            stopped.signal()
        }
        stopper.start()
        let start = ContinuousClock.now
        let results = pool.map(Array(0..<400), as: Int.self)
        #expect(ContinuousClock.now - start < .seconds(7))
        let done = results.prefix { (try? $0.get()) != nil }.count
        #expect(done >= 1)
        #expect(done < 400)
        // Once one input fails for the shutdown, every later one does too.
        #expect(results.dropFirst(done).allSatisfy { $0 == .failure(.poolShutDown) })
        #expect(stopped.wait(timeout: .now() + 10) == .success, "shutdown returns")
        #expect(pids.allSatisfy(processIsGone))
        #expect(pool.workerPIDs.isEmpty)
    }

    @Test func noWorkerOutlivesThePool() throws {
        var pids: Set<Int32> = []
        do {
            let pool = try ProcessPool(workers: 3, role: "fragile", arguments: ["2", "4"],
                                       jobTimeout: .seconds(1), executable: TestWorker.url)
            pids.formUnion(pool.workerPIDs)
            pids.formUnion(pool.run(Array(0..<12), as: Int.self).map(\.workerPID))
            pids.formUnion(pool.workerPIDs)
            // No explicit shutdown: releasing the pool shuts it down.
        }
        #expect(pids.count == 5, "3 first workers + 2 replacements")
        #expect(pids.allSatisfy(processIsGone))
        #if os(Linux)
        #expect(ProcessTable.children().map { Set($0).isDisjoint(with: pids) } == true)
        #endif
    }

    @Test func manyThreadsUsingOnePoolGetTheirOwnResults() throws {
        let pool = try ProcessPool(workers: 3, role: "square", executable: TestWorker.url)
        defer { pool.shutdown() }
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { caller in
            let inputs = Array((caller * 100)..<(caller * 100 + 50))
            let results = pool.map(inputs, as: Int.self)
            if results != inputs.map({ .success($0 * $0) }) { failures.add(1, ordering: .relaxed) }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
