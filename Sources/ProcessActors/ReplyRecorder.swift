import Distributed
import Foundation
import Primitives

/// Receives how a call ended in the worker (`executeDistributedTarget` reports to it)
/// and keeps it as the `ReplyMessage.Outcome` to send back.
public final class ReplyRecorder: DistributedTargetInvocationResultHandler {
    public typealias SerializationRequirement = any Codable

    private let recorded = Locked<ReplyMessage.Outcome?>(nil)

    public init() {}

    /// What was recorded, or `nil` if the runtime reported nothing (it threw instead).
    public var outcome: ReplyMessage.Outcome? { recorded.withLock { $0 } }

    public func onReturn<Success: Codable>(value: Success) async throws {
        let outcome: ReplyMessage.Outcome
        do {
            outcome = .value(json: String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
        } catch {
            outcome = .failure(error: RemoteFailure(ProcessActorError.serialization("the result: \(error)")))
        }
        recorded.withLock { $0 = outcome }
    }

    public func onReturnVoid() async throws {
        recorded.withLock { $0 = .void }
    }

    public func onThrow<Err: Error>(error: Err) async throws {
        recorded.withLock { $0 = .failure(error: RemoteFailure(error)) }
    }
}
