#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-shot "the server is stopping" signal that blocking socket code can wait on.
///
/// It is a pipe: `raise()` writes one byte and nothing ever reads it, so from then on the
/// read end stays readable. Every blocking wait in the server is a `poll` on its own
/// descriptor *and* this pipe, so `stop()` wakes the accept loop, a connection waiting for
/// a request and a response waiting out its delay, all with one write.
final class StopSignal: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws(LoopbackServer.Failure) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .system("pipe", errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Wakes every present and future `wait`. Calling it twice is harmless.
    func raise() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    var isRaised: Bool { poll(readable: nil, timeoutMilliseconds: 0) == .stopped }

    enum Wakeup: Equatable { case readable, stopped, timedOut }

    /// Waits until `descriptor` is readable, the signal is raised, or the timeout passes
    /// (`-1` waits forever). With `descriptor == nil` it is an interruptible sleep.
    func poll(readable descriptor: Int32?, timeoutMilliseconds: Int32) -> Wakeup {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = fds.withUnsafeMutableBufferPointer { buffer in
                #if canImport(Glibc)
                Glibc.poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMilliseconds)
                #else
                Darwin.poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMilliseconds)
                #endif
            }
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { return .timedOut }
            if fds[0].revents != 0 { return .stopped }
            return .readable
        }
    }

    /// Closes both ends; call once, after every thread that polls it has finished.
    func close() {
        _ = systemClose(readEnd)
        _ = systemClose(writeEnd)
    }
}

/// `close(2)`, named so that it does not clash with the methods called `close`.
func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}
