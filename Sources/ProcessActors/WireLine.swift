import Foundation

/// One message between this process and a worker, as text: what a system's `wireTap`
/// sees. The book uses it to show what a remote call looks like on the pipe.
public struct WireLine: Sendable {
    public enum Direction: Sendable {
        case toWorker
        case fromWorker
    }

    public let worker: Int32
    public let direction: Direction
    /// The message as JSON, keys sorted (the pipe carries the same content, keys in any order).
    public let text: String

    init(worker: Int32, direction: Direction, message: some Encodable) {
        self.worker = worker
        self.direction = direction
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same text every run
        let data = (try? encoder.encode(message)) ?? Data()
        self.text = String(decoding: data, as: UTF8.self)
    }
}
