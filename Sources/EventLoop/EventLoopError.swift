#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an event-loop operation did not complete.
public enum EventLoopError: Error, Equatable, CustomStringConvertible {
    /// A system call failed, with its `errno`.
    case system(String, Int32)
    /// The operation's deadline passed first.
    case timedOut
    /// The loop stopped while the operation waited.
    case loopStopped
    /// The socket was used after `close()`.
    case closed

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .timedOut: "the deadline passed"
        case .loopStopped: "the event loop stopped"
        case .closed: "the socket is closed"
        }
    }
}
