/// Why a message could not be sent or received. Each case is a fact the caller can act
/// on; none of them crashes the program.
public enum MessageChannelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The other side closed its end (or died): end-of-file before any byte of a message.
    case closed
    /// No complete message arrived within the timeout.
    case timedOut
    /// The stream ended in the middle of a line: framing broken.
    case truncatedMessage(bytes: Int)
    /// A line longer than the channel accepts: framing broken or a runaway writer.
    case messageTooLong(limit: Int)
    /// A complete line that is not the expected JSON; `line` is its start.
    case invalidMessage(line: String, reason: String)
    /// The value could not be encoded as JSON.
    case unencodable(reason: String)
    /// A write failed with this `errno` (32, `EPIPE`, when the reader is gone).
    case writeFailed(errno: Int32)

    public var description: String {
        switch self {
        case .closed: "the other side closed the channel"
        case .timedOut: "no message within the timeout"
        case .truncatedMessage(let bytes): "the stream ended inside a message (\(bytes) bytes without a newline)"
        case .messageTooLong(let limit): "a message longer than \(limit) bytes"
        case .invalidMessage(let line, let reason): "invalid message \(line.debugDescription): \(reason)"
        case .unencodable(let reason): "cannot encode the message: \(reason)"
        case .writeFailed(let code): "write failed with errno \(code)"
        }
    }
}
