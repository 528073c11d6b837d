/// One remote call as it travels to the worker: one JSON line on the worker's input.
///
/// Arguments are encoded one by one, each as its own JSON document, because the
/// receiving side decodes them one by one, each into the type the method declares
/// (`CallDecoder.decodeNextArgument`).
public struct CallMessage: Codable, Sendable, Equatable {
    /// Matches the reply to the call: many calls may be in flight on one pipe.
    public var callID: UInt64
    /// The actor's name in the worker.
    public var recipient: String
    /// The method: the mangled name of its distributed thunk (`RemoteCallTarget.identifier`).
    public var target: String
    /// Mangled type names of the generic parameters of a generic method.
    public var genericSubstitutions: [String]
    /// The arguments, in order, each a JSON document (so the wire stays readable text).
    public var arguments: [String]

    public init(callID: UInt64, recipient: String, target: String,
                genericSubstitutions: [String], arguments: [String]) {
        self.callID = callID
        self.recipient = recipient
        self.target = target
        self.genericSubstitutions = genericSubstitutions
        self.arguments = arguments
    }
}
