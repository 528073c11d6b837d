/// The answer to one `CallMessage`: one JSON line on the worker's output.
public struct ReplyMessage: Codable, Sendable, Equatable {
    /// How the call ended.
    public enum Outcome: Codable, Sendable, Equatable {
        /// The method returned this value, as a JSON document.
        case value(json: String)
        /// The method returned `Void`.
        case void
        /// The method threw, or the call could not be made.
        case failure(error: RemoteFailure)
    }

    /// The `callID` of the call this answers.
    public var callID: UInt64
    public var outcome: Outcome

    public init(callID: UInt64, outcome: Outcome) {
        self.callID = callID
        self.outcome = outcome
    }
}
