import Foundation
import ProcessActors
import ProcessActorsTestActors
import Processes
import Testing

@Suite struct RemoteErrorTests {
    @Test func aCodableErrorCrossesAsItself() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        await #expect(throws: DivisionByZero(dividend: 7)) {
            try await remote.divide(7, by: 0)
        }
        #expect(try await remote.divide(7, by: 2) == 3)
    }

    @Test func anyOtherErrorArrivesWithItsTypeAndDescription() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        let error = await processActorError { try await remote.refuse("no") }
        guard case .remoteError(let type, let description) = error else {
            Issue.record("expected a remote error, got \(String(describing: error))")
            return
        }
        #expect(type.hasSuffix("PlainError"))
        #expect(description == "refused: no")
    }

    @Test func theWorkerCarriesOnAfterAnError() async throws {
        let (system, _, remote) = try calculatorInWorker()
        defer { system.shutdown() }
        for _ in 0..<5 {
            _ = try? await remote.divide(1, by: 0)
        }
        #expect(try await remote.square(3) == 9)
    }

    @Test func theErrorReasonsReadWell() {
        #expect(ProcessActorError.workerDied(pid: 7, termination: .signalled(signal: 9)).description
            == "worker 7 died (killed by signal 9 (SIGKILL))")
        #expect(ProcessActorError.noSuchActor(ProcessActorID(pid: 7, name: "calc")).description == "no actor calc@7")
    }
}
