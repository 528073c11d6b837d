import Foundation
import ProcessActors
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
