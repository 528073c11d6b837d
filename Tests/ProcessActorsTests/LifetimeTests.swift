import Distributed
import Foundation
import Primitives
import ProcessActors
import ProcessActorsTestActors
import Processes
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct LifetimeTests {
    /// A worker that stops reading (SIGSTOP) while calls with 256 KB arguments are sent:
    /// the pipe (64 KB on Linux) fills and a write blocks. The calls must still time out on time, and the
    /// task pool must keep running other work meanwhile.
    @Test func aWorkerThatStopsReadingBlocksNoTaskAndCallsTimeOutOnTime() async throws {
        let (system, pid, remote) = try calculatorInWorker(callTimeout: .seconds(1))
        #expect(try await remote.square(3) == 9)
        kill(pid, SIGSTOP)
        let payload = String(repeating: "x", count: 1 << 18)
        let ended = Locked(0)
        let beats = Locked(0)
        let start = ContinuousClock.now
        // If the writes blocked the task pool, nothing on the pool could end this test,
        // not even `within`: a thread of its own kills the worker after 8 s, which ends
        // the writes, and the calls then fail late instead of hanging the suite.
        let finished = DispatchSemaphore(value: 0)
        Thread {
            if finished.wait(timeout: .now() + 8) == .timedOut { kill(pid, SIGKILL) }
        }.start()
        defer { finished.signal() }
        let outcomes = try await within(.seconds(20)) {
            try await withThrowingTaskGroup(of: (ProcessActorError?, Duration)?.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let error = await processActorError { _ = try await remote.length(of: payload) }
                        ended.withLock { $0 += 1 }
                        return (error, ContinuousClock.now - start)
                    }
                }
                group.addTask {
                    // A heartbeat while the calls wait: it runs only if the pool's threads
                    // are free (with a blocking write in each, the pool would be stuck).
                    while ended.withLock({ $0 }) < 3 && ContinuousClock.now - start < .seconds(10) {
                        try await Task.sleep(for: .milliseconds(250))
                        beats.withLock { $0 += 1 }
                    }
                    return nil
                }
                return try await group.reduce(into: [(ProcessActorError?, Duration)]()) { if let o = $1 { $0.append(o) } }
            }
        }
        await system.stopAllWorkers()   // kills the stopped worker: SIGKILL ends it even stopped
        #expect(outcomes.count == 3)
        for (error, elapsed) in outcomes {
            guard case .timedOut(_, after: .seconds(1)) = error else {
                Issue.record("expected a timeout, got \(String(describing: error))")
                continue
            }
            #expect(elapsed < .seconds(4), "a 1 s timeout took \(elapsed)")
        }
        // Four beats in the 1 s the calls wait, if nothing is in the way; a blocked pool
        // gives none.
        #expect(beats.withLock { $0 } >= 2, "the heartbeat beat \(beats.withLock { $0 }) times while the calls waited")
        #expect(await waitUntilGone(pid))
    }

    @Test func aSystemWhoseActorsAreGoneIsDeinitialisedAndItsWorkersStop() async throws {
        weak var weakSystem: ProcessActorSystem?
        var workerPID: Int32 = 0
        do {
            let system = ProcessActorSystem()
            weakSystem = system
            workerPID = try system.startWorker(role: "calculator", executable: TestWorker.url)
            let local = system.host(named: "calc") { Calculator(actorSystem: $0) }
            #expect(system.hostedCount == 1)
            #expect(try await local.square(4) == 16)
        }
        // The hosted actor held its system; the system held the actor only weakly.
        #expect(weakSystem == nil)
        #expect(await waitUntilGone(workerPID))
    }

    @Test func aDeinitialisedActorLeavesTheTableAndItsNameIsFreeAgain() async throws {
        let system = ProcessActorSystem()
        do {
            let first = system.host(named: "calc") { Calculator(actorSystem: $0) }
            #expect(system.hostedCount == 1)
            _ = first
        }
        #expect(system.hostedCount == 0)
        #expect(throws: ProcessActorError.noSuchActor(ProcessActorID(pid: system.pid, name: "calc"))) {
            _ = try Calculator.resolve(id: ProcessActorID(pid: system.pid, name: "calc"), using: system)
        }
        let second = system.host(named: "calc") { Calculator(actorSystem: $0) }
        #expect(try Calculator.resolve(id: second.id, using: system) === second)
    }

    @Test func onlyTheActorMakeReturnsGetsTheNameAndAutomaticNamesCannotCollide() async throws {
        let system = ProcessActorSystem()
        let inner = Locked<Calculator?>(nil)
        let outer = system.host(named: "outer") { system in
            let made = Calculator(actorSystem: system)
            // Another actor created inside `make` gets a name of its own, not "outer".
            inner.withLock { $0 = Calculator(actorSystem: system) }
            return made
        }
        let innerID = try #require(inner.withLock { $0 }?.id)
        #expect(innerID.name == "Calculator#1")
        #expect(outer.id.name == "outer")
        let unnamed = Calculator(actorSystem: system)
        #expect(unnamed.id.name.contains("#"))
    }
}
