/// Why the event-loop HTTP client got no answer.
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    /// The server sent something that is not an HTTP/1.x answer.
    case malformedAnswer(String)
    /// The server closed the connection before the answer was complete.
    case closedEarly
    /// The answer was longer than the client accepts.
    case answerTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .malformedAnswer(let reason): "malformed answer: \(reason)"
        case .closedEarly: "the server closed the connection before the answer was complete"
        case .answerTooLarge(let limit): "the answer is longer than \(limit) bytes"
        }
    }
}
