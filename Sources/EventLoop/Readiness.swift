/// What a task waits for on a descriptor.
public enum Readiness: Sendable {
    /// Data to read, a connection to accept, or the peer's end of file.
    case readable
    /// Room to write, or a connect that has finished (successfully or not).
    case writable
}
