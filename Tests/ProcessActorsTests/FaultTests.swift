import Foundation
import ProcessActors
import ProcessActorsTestActors
import Processes
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct FaultTests {
    @Test func aWorkerKilledMidCallsFailsEveryPendingCallAndANewOneServes() async throws {
        let (system, pid, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        #expect(try await remote.square(2) == 4)   // the worker is up and serving
        let start = ContinuousClock.now
        let outcomes = try await within(.seconds(20)) {
            try await withThrowingTaskGroup(of: ProcessActorError?.self) { group in
                for tag in 0..<50 {
                    group.addTask { await processActorError { _ = try await remote.echo(tag, afterMilliseconds: 30_000) } }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(200))
                    kill(pid, SIGKILL)
                    return nil
                }
                return try await group.reduce(into: [ProcessActorError?]()) { $0.append($1) }
            }
        }
        let elapsed = ContinuousClock.now - start
        let failures = outcomes.compactMap { $0 }
        #expect(failures.count == 50)
        #expect(failures.allSatisfy { if case .workerDied(pid, _) = $0 { true } else { false } })
        #expect(elapsed < .seconds(10))  // the calls asked for 30 s: they ended because the worker did
        // A call made after the death fails at once, with the same reason.
        let later = await processActorError { _ = try await remote.square(3) }
        guard case .workerDied(pid, _) = later else {
            Issue.record("a call after the death: \(String(describing: later))")
            return
        }
        // A new worker, a new address, the same actor type.
        let newPID = try system.startWorker(role: "calculator", executable: TestWorker.url)
        let replacement = try Calculator.resolve(id: ProcessActorID(pid: newPID, name: "calc"), using: system)
        #expect(try await replacement.processID() == newPID)
        #expect(newPID != pid)
    }

    @Test func aCrashInsideTheCalledMethodIsReportedWithItsSignal() async throws {
        // Without Swift's crash reporter: the crashing worker would stay alive, its pipes
        // open, until the report is written (and under ThreadSanitizer that can hang).
        let (system, pid, remote) = try calculatorInWorker(environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { system.shutdown() }
        let error = try await within(.seconds(20)) { await processActorError { try await remote.crash() } }
        guard case .workerDied(pid, let termination) = error else {
            Issue.record("expected workerDied, got \(String(describing: error))")
            return
        }
        // abort() raises SIGABRT; under ThreadSanitizer the process may exit with code 66.
        #expect(termination != nil && termination?.isSuccess == false)
    }

    @Test func aWorkerThatRepliesGarbageIsKilledAndItsCallsFail() async throws {
        let system = ProcessActorSystem()
        defer { system.shutdown() }
        let pid = try system.startWorker(role: "garbage", executable: TestWorker.url)
        let remote = try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
        let error = try await within(.seconds(20)) { await processActorError { _ = try await remote.square(2) } }
        guard case .malformedReply(pid, let reason) = error else {
            Issue.record("expected malformedReply, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("not valid JSON"))
        #expect(await waitUntilGone(pid))
    }

    @Test func aReplyOfTheWrongTypeIsASerializationError() async throws {
        let system = ProcessActorSystem()
        defer { system.shutdown() }
        let pid = try system.startWorker(role: "wrong-type", executable: TestWorker.url)
        let remote = try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
        let error = try await within(.seconds(20)) { await processActorError { _ = try await remote.square(2) } }
        guard case .serialization(let reason) = error else {
            Issue.record("expected a serialization error, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("not a Int"))
    }

    @Test func aWorkerThatNeverAnswersTimesOut() async throws {
        let system = ProcessActorSystem(callTimeout: .milliseconds(300))
        defer { system.shutdown() }
        let pid = try system.startWorker(role: "silent", executable: TestWorker.url)
        let id = ProcessActorID(pid: pid, name: "calc")
        let remote = try Calculator.resolve(id: id, using: system)
        let start = ContinuousClock.now
        let error = try await within(.seconds(20)) { await processActorError { _ = try await remote.square(2) } }
        #expect(error == .timedOut(id, after: .milliseconds(300)))
        #expect(ContinuousClock.now - start >= .milliseconds(300))
    }

    @Test func aWorkerThatEndsWhileAnotherProcessHoldsItsPipesStillFailsItsCalls() async throws {
        // The worker starts a child that inherits its pipes and outlives it, then exits:
        // no end-of-file arrives, but the worker's process has ended.
        let heirFile = FileManager.default.temporaryDirectory.appendingPathComponent("heir-\(UUID().uuidString)").path
        let system = ProcessActorSystem()
        defer {
            system.shutdown()
            if let text = try? String(contentsOfFile: heirFile, encoding: .utf8), let heir = Int32(text) {
                kill(heir, SIGKILL)
            }
            try? FileManager.default.removeItem(atPath: heirFile)
        }
        let pid = try system.startWorker(role: "leave-heir", environment: ["HEIR_PID_FILE": heirFile],
                                         executable: TestWorker.url)
        let remote = try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
        let start = ContinuousClock.now
        let error = try await within(.seconds(30)) { await processActorError { _ = try await remote.square(2) } }
        guard case .workerDied(pid, _) = error else {
            Issue.record("expected workerDied, got \(String(describing: error))")
            return
        }
        // Not by end-of-file, which comes only when the heir ends, 20 s after it started.
        #expect(ContinuousClock.now - start < .seconds(12))
    }

    @Test func cancellingACallerStopsItsWait() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        let start = ContinuousClock.now
        let call = Task { try await remote.echo(1, afterMilliseconds: 30_000) }
        try await Task.sleep(for: .milliseconds(100))
        call.cancel()
        let result = try await within(.seconds(20)) { await call.result }
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(try await remote.square(5) == 25)  // the connection is still good
    }

    @Test func stoppingAWorkerEndsItsCallsAndLeavesNoProcess() async throws {
        let (system, pid, remote) = try calculatorInWorker()
        let pending = Task { await processActorError { _ = try await remote.echo(1, afterMilliseconds: 30_000) } }
        try await Task.sleep(for: .milliseconds(200))
        system.stopWorker(pid)
        let error = try await within(.seconds(20)) { await pending.value }
        #expect(error == .workerStopped(pid: pid))
        #expect(await waitUntilGone(pid))
        #expect(system.workerPIDs.isEmpty)
        #expect(throws: ProcessActorError.noSuchProcess(pid: pid)) {
            try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
        }
    }
}
