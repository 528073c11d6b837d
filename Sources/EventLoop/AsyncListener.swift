#if canImport(Glibc)
import CEpoll
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening TCP socket on 127.0.0.1 whose `accept` suspends the task until a client
/// arrives. Bound to loopback only, at a port the kernel picks. One task at a time may
/// call `accept` (the loop keeps one waiter per descriptor).
public final class AsyncListener: Sendable {
    public let loop: EventLoop
    public let port: Int
    private let descriptor: Int32

    /// `backlog` is how many finished handshakes the kernel queues before `accept`;
    /// Linux silently caps it at `/proc/sys/net/core/somaxconn`.
    public init(on loop: EventLoop, backlog: Int32) throws(EventLoopError) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .system("socket", errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, backlog) == 0 else {
            let code = errno
            _ = systemClose(descriptor)
            throw .system("bind/listen", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        makeNonBlocking(descriptor)
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.loop = loop
    }

    deinit { _ = systemClose(descriptor) }

    /// The next client. When descriptors run out (`EMFILE`), it waits 10 ms and tries
    /// again instead of spinning: the client stays queued in the kernel meanwhile.
    public func accept() async throws -> AsyncSocket {
        while true {
            try Task.checkCancellation()
            #if canImport(Glibc)
            // accept4 sets both flags as the socket is made: no moment in which a child
            // process started from another thread could inherit it.
            let client = accept4(descriptor, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            #else
            // Darwin has no accept4: close-on-exec is set just after (AsyncSocket sets
            // O_NONBLOCK).
            let client = Darwin.accept(descriptor, nil, nil)
            if client >= 0 { _ = fcntl(client, F_SETFD, FD_CLOEXEC) }
            #endif
            if client >= 0 { return AsyncSocket(adopting: client, loop: loop) }
            switch errno {
            case EAGAIN, EWOULDBLOCK: try await loop.waitUntil(descriptor, is: .readable)
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: try await loop.sleep(for: .milliseconds(10))
            case EINTR, ECONNABORTED: continue
            default: throw EventLoopError.system("accept", errno)
            }
        }
    }
}
