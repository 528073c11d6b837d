import Distributed
import Foundation

/// Turns one call of a distributed method into a `CallMessage`. The compiler generates
/// the code that drives it: for `try await counter.add(5)` on a remote reference, it
/// records the argument `5`, then the return type, and hands the encoder to
/// `ProcessActorSystem.remoteCall`.
public struct CallEncoder: DistributedTargetInvocationEncoder {
    public typealias SerializationRequirement = any Codable

    var genericSubstitutions: [String] = []
    var arguments: [String] = []

    public mutating func recordGenericSubstitution<T>(_ type: T.Type) throws {
        guard let name = _mangledTypeName(type) else {
            throw ProcessActorError.serialization("the type \(type) has no mangled name")
        }
        genericSubstitutions.append(name)
    }

    public mutating func recordArgument<Value: Codable>(_ argument: RemoteCallArgument<Value>) throws {
        do {
            arguments.append(String(decoding: try JSONEncoder().encode(argument.value), as: UTF8.self))
        } catch {
            throw ProcessActorError.serialization("argument '\(argument.label ?? argument.effectiveLabel)': \(error)")
        }
    }

    // The error and return types are known to the receiving side from the method
    // itself; nothing needs to travel.
    public mutating func recordErrorType<E: Error>(_ type: E.Type) throws {}
    public mutating func recordReturnType<R: Codable>(_ type: R.Type) throws {}
    public mutating func doneRecording() throws {}
}
