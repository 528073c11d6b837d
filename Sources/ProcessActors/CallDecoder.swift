import Distributed
import Foundation

/// The worker's side of `CallEncoder`: hands the arguments of a `CallMessage` to the
/// runtime, one by one, decoded into the types the method declares. A message whose
/// arguments do not fit the method throws `ProcessActorError.serialization`; the call
/// fails and the worker carries on.
public struct CallDecoder: DistributedTargetInvocationDecoder {
    public typealias SerializationRequirement = any Codable

    private let message: CallMessage
    private var nextArgument = 0

    public init(_ message: CallMessage) {
        self.message = message
    }

    public mutating func decodeGenericSubstitutions() throws -> [any Any.Type] {
        try message.genericSubstitutions.map { name in
            guard let type = _typeByName(name) else {
                throw ProcessActorError.serialization("unknown type \(name)")
            }
            return type
        }
    }

    public mutating func decodeNextArgument<Argument: Codable>() throws -> Argument {
        guard nextArgument < message.arguments.count else {
            throw ProcessActorError.serialization("the call has \(message.arguments.count) arguments; the method wants more")
        }
        let text = message.arguments[nextArgument]
        nextArgument += 1
        do {
            return try JSONDecoder().decode(Argument.self, from: Data(text.utf8))
        } catch {
            throw ProcessActorError.serialization("argument \(nextArgument) is not a \(Argument.self): \(text.prefix(80))")
        }
    }

    public mutating func decodeErrorType() throws -> (any Any.Type)? { nil }
    public mutating func decodeReturnType() throws -> (any Any.Type)? { nil }
}
