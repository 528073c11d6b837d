import Foundation
import Primitives
import ProcessActors
import ProcessActorsTestActors
import Testing

@Suite struct MessageTests {
    private func call(_ arguments: [String]) -> CallMessage {
        CallMessage(callID: 1, recipient: "calc", target: "t", genericSubstitutions: [], arguments: arguments)
    }

    @Test func argumentsDecodeInOrderIntoTheTypesAskedFor() throws {
        var decoder = CallDecoder(call(["7", "\"seven\""]))
        #expect(try decoder.decodeNextArgument() as Int == 7)
        #expect(try decoder.decodeNextArgument() as String == "seven")
    }

    @Test func anArgumentOfTheWrongTypeIsASerializationError() {
        var decoder = CallDecoder(call(["\"seven\""]))
        #expect(throws: ProcessActorError.self) { try decoder.decodeNextArgument() as Int }
    }

    @Test func aMissingArgumentIsASerializationError() {
        var decoder = CallDecoder(call([]))
        #expect(throws: ProcessActorError.self) { try decoder.decodeNextArgument() as Int }
    }

    @Test func aCallIsOneReadableJSONLine() throws {
        let line = String(decoding: try JSONEncoder().encode(call(["7"])), as: UTF8.self)
        #expect(!line.contains("\n"))
        #expect(try JSONDecoder().decode(CallMessage.self, from: Data(line.utf8)) == call(["7"]))
    }

    @Test func aCodableErrorIsRebuiltAndAnotherOneDescribed() {
        struct Private: Error {}
        let rebuilt = RemoteFailure(ProcessActorError.noSuchProcess(pid: 3)).rebuilt()
        #expect(rebuilt as? ProcessActorError == .noSuchProcess(pid: 3))
        let described = RemoteFailure(Private()).rebuilt()
        guard case .remoteError(let type, _) = described as? ProcessActorError else {
            Issue.record("expected remoteError, got \(described)")
            return
        }
        #expect(type.hasSuffix("Private"))
    }
}

@Suite struct WireTapTests {
    @Test func theTapSeesEachCallAndItsReply() async throws {
        let lines = Locked<[WireLine]>([])
        let system = ProcessActorSystem(wireTap: { line in lines.withLock { $0.append(line) } })
        defer { system.shutdown() }
        let pid = try system.startWorker(role: "calculator", executable: TestWorker.url)
        let remote = try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
        #expect(try await remote.square(9) == 81)
        let seen = lines.withLock { $0 }
        #expect(seen.map(\.direction) == [.toWorker, .fromWorker])
        #expect(seen.allSatisfy { $0.worker == pid })
        #expect(seen[0].text.contains(#""arguments":["9"]"#))
        #expect(seen[1].text.contains("81"))
    }
}
