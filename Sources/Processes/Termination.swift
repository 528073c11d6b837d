/// How a child process ended: it called `exit` with a code, or a signal killed it.
///
/// `Foundation.Process` reports the same two facts as a pair, `terminationReason`
/// (`.exit` or `.uncaughtSignal`) and `terminationStatus` (the exit code or the signal
/// number); this enum makes it impossible to read one without the other.
public enum Termination: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The process called `exit(code)` (or returned from `main`, which is `exit(0)`).
    case exited(code: Int32)
    /// The process was killed by signal `signal` (15 = SIGTERM, 9 = SIGKILL, 6 = SIGABRT...).
    case signalled(signal: Int32)

    public var description: String {
        switch self {
        case .exited(let code): "exited with code \(code)"
        case .signalled(let signal): "killed by signal \(signal) (\(Termination.signalName(signal)))"
        }
    }

    /// True only for `exit(0)`: a clean finish.
    public var isSuccess: Bool { self == .exited(code: 0) }

    /// The usual name of a signal number, for messages.
    public static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 1: "SIGHUP"
        case 2: "SIGINT"
        case 4: "SIGILL"
        case 5: "SIGTRAP"
        case 6: "SIGABRT"
        case 9: "SIGKILL"
        case 11: "SIGSEGV"
        case 13: "SIGPIPE"
        case 15: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}
