/// The error code `pthread_create` returned, e.g. `EAGAIN` when the system has no
/// room for another thread.
public struct PosixThreadError: Error, Equatable, Sendable {
    public let code: Int32
}
