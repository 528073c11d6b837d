import Foundation

/// An error thrown in the worker, as it travels back to the caller.
///
/// Errors cross with their type when they can: an error type that is `Codable` travels
/// as its mangled type name and its encoded value, and the caller, which runs the same
/// program (or links the same module), rebuilds the very same error and throws it. Any
/// other error arrives as a `ProcessActorError.remoteError` with its type name and
/// description, which is all that can be said about it in another process.
public struct RemoteFailure: Codable, Sendable, Equatable, Error {
    /// The error's type, readable: `Bank.InsufficientFunds`.
    public var typeName: String
    /// What `String(describing:)` said about the error in the worker.
    public var description: String
    /// The mangled name of a `Codable` error type, and the error encoded as JSON.
    public var mangledTypeName: String?
    public var encoded: String?

    public init(_ error: any Error) {
        // `any Error`, not a generic parameter: `type(of:)` on an existential gives the
        // dynamic type, while on a generic `Err` bound to `any Error` it gives `any Error`.
        typeName = String(reflecting: type(of: error))
        description = String(describing: error)
        if let codable = error as? any Encodable,
           let data = try? JSONEncoder().encode(codable) {
            mangledTypeName = _mangledTypeName(type(of: error))
            encoded = String(decoding: data, as: UTF8.self)
        }
    }

    // ANCHOR: rebuilt
    /// The error to throw at the caller: the original one, rebuilt, when its type is
    /// `Codable` and known here; `ProcessActorError.remoteError` otherwise.
    public func rebuilt() -> any Error {
        guard let mangledTypeName, let encoded,
              let type = _typeByName(mangledTypeName) as? any (Error & Decodable).Type,
              let error = try? JSONDecoder().decode(type, from: Data(encoded.utf8)) else {
            return ProcessActorError.remoteError(type: typeName, description: description)
        }
        return error
    }
    // ANCHOR_END: rebuilt
}
