import Foundation
import Primitives

/// Typed messages over a pair of pipes, one JSON document per line ("JSON lines").
///
/// A pipe is a stream of bytes; framing turns it back into messages. JSON lines is the
/// simplest framing there is: `JSONEncoder` never writes a raw newline (a newline inside
/// a string is escaped as `\n`), so a newline can only mean "end of message".
///
///     try channel.send(Greeting(text: "hello"))
///     let reply = try channel.receive(Greeting.self, timeout: .seconds(1))
///
/// Anything malformed that arrives is reported as a `MessageChannelError`, never a crash:
/// the other side is another program and may be broken.
public final class MessageChannel: Sendable {
    /// The longest line accepted: 64 MiB.
    public static let maximumMessageLength = 64 * 1024 * 1024

    private let reader: Locked<LineReader>
    private let writing: Locked<Int32>

    /// A channel reading from `readDescriptor` and writing to `writeDescriptor`. The
    /// channel does not own them: whoever opened them closes them.
    public init(readDescriptor: Int32, writeDescriptor: Int32,
                maximumMessageLength: Int = MessageChannel.maximumMessageLength) {
        reader = Locked(LineReader(descriptor: readDescriptor, maximumLineLength: maximumMessageLength))
        writing = Locked(writeDescriptor)
    }

    // ANCHOR: send
    /// Sends `message` as one line. Blocks while the pipe is full, that is, until the
    /// reader has made room.
    public func send<Message: Encodable>(_ message: Message) throws(MessageChannelError) {
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(message)
        } catch {
            throw .unencodable(reason: "\(error)")
        }
        try sendLine(encoded)
    }
    // ANCHOR_END: send

    /// Sends raw bytes followed by a newline: the framing without the JSON. The book
    /// uses it to show what a receiver does with a line that is not a valid message.
    public func sendLine(_ bytes: some Collection<UInt8>) throws(MessageChannelError) {
        let failure = writing.withLock { descriptor in
            Pipes.writeAll(Array(bytes) + [UInt8(ascii: "\n")], to: descriptor)
        }
        if let failure { throw .writeFailed(errno: failure) }
    }

    // ANCHOR: receive
    /// Receives the next message, waiting at most `timeout` (forever if `nil`).
    public func receive<Message: Decodable>(_ type: Message.Type,
                                            timeout: Duration? = nil) throws(MessageChannelError) -> Message {
        let line = try reader.withLock { (reader: inout LineReader) throws(MessageChannelError) -> [UInt8] in
            try reader.nextLine(timeout: timeout)
        }
        do {
            return try JSONDecoder().decode(Message.self, from: Data(line))
        } catch {
            let start = String(decoding: line.prefix(80), as: UTF8.self)
            throw .invalidMessage(line: start, reason: Self.reason(error))
        }
    }
    // ANCHOR_END: receive

    /// A one-line reason for a decoding error (the full `DecodingError` is very long).
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted: "not valid JSON"
        case .keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case .typeMismatch(let type, _): "a value is not of type \(type)"
        case .valueNotFound(let type, _): "a value of type \(type) is missing"
        default: "\(error)"
        }
    }
}
