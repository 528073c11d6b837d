import Foundation
import ProcessActors
import ProcessActorsTestActors
import Processes
import Testing

@Suite struct RemoteCallTests {
    @Test func theSameActorTypeRunsLocallyAndInAWorker() async throws {
        let (system, pid, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        let local = system.host(named: "local-calc") { Calculator(actorSystem: $0) }
        #expect(try await local.processID() == getpid())
        #expect(try await remote.processID() == pid)
        #expect(pid != getpid())
        #expect(try await local.square(12) == 144)
        #expect(try await remote.square(12) == 144)
        #expect(remote.id == ProcessActorID(pid: pid, name: "calc"))
        #expect(local.id == ProcessActorID(pid: getpid(), name: "local-calc"))
    }

    @Test func resolvingALocalIDGivesTheLocalActor() throws {
        let system = ProcessActorSystem()
        let hosted = system.host(named: "here") { Calculator(actorSystem: $0) }
        let resolved = try Calculator.resolve(id: hosted.id, using: system)
        #expect(resolved === hosted)
        #expect(throws: ProcessActorError.noSuchActor(ProcessActorID(pid: getpid(), name: "elsewhere"))) {
            try Calculator.resolve(id: ProcessActorID(pid: getpid(), name: "elsewhere"), using: system)
        }
    }

    @Test func anUnknownProcessCannotBeResolved() {
        let system = ProcessActorSystem()
        #expect(throws: ProcessActorError.noSuchProcess(pid: 1)) {
            try Calculator.resolve(id: ProcessActorID(pid: 1, name: "calc"), using: system)
        }
    }

    @Test func structsVoidAndStateCross() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        #expect(try await remote.describe(Pair(name: "answer", value: 42)) == "answer=42")
        try await remote.reset()
        #expect(try await remote.add(5) == 5)
        #expect(try await remote.add(7) == 12)
    }

    @Test func aThousandConcurrentCallsFromManyTasksEachGetTheirOwnReply() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        let echoed = try await within(.seconds(60)) {
            try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for tag in 0..<1000 {
                    group.addTask { (tag, try await remote.echo(tag, afterMilliseconds: (tag * 7) % 20)) }
                }
                return try await group.reduce(into: [(Int, Int)]()) { $0.append($1) }
            }
        }
        #expect(echoed.count == 1000)
        #expect(echoed.allSatisfy { $0.0 == $0.1 })
    }

    @Test func concurrentCallsToOneRemoteActorRunOneAtATime() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        try await remote.reset()
        let totals = try await within(.seconds(60)) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<500 { group.addTask { try await remote.add(1) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        // No update lost and no total seen twice: the actor ran the adds one by one.
        #expect(totals.sorted() == Array(1...500))
    }

    @Test func callsToAnActorTheWorkerDoesNotHostFail() async throws {
        let (system, pid, _) = try calculatorInWorker()
        defer { system.shutdown() }
        let nobody = ProcessActorID(pid: pid, name: "nobody")
        let ghost = try Calculator.resolve(id: nobody, using: system)
        let error = await processActorError { _ = try await ghost.square(2) }
        #expect(error == .noSuchActor(nobody))
    }
}
