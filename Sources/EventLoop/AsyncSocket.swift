#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking TCP connection whose reads and writes suspend the calling task, not a
/// thread: when the kernel says "would block" (`EAGAIN`), the task waits on the event
/// loop until the descriptor is ready and tries again.
///
///     let socket = try await AsyncSocket.connect(toLoopbackPort: 8080, on: loop)
///     try await socket.write(Array("GET / HTTP/1.1\r\n\r\n".utf8))
///     let bytes = try await socket.read()        // [] means the peer closed
///
/// The socket owns its descriptor and closes it when released, so a task that is
/// cancelled or times out at any step leaves no descriptor behind. One task uses a socket
/// at a time (it is not `Sendable`).
public final class AsyncSocket {
    public let loop: EventLoop
    /// -1 once closed.
    public private(set) var descriptor: Int32

    /// Takes ownership of a connected (or connecting) descriptor and makes it non-blocking.
    init(adopting descriptor: Int32, loop: EventLoop) {
        self.descriptor = descriptor
        self.loop = loop
        makeNonBlocking(descriptor)
        #if canImport(Darwin)
        var yes: Int32 = 1  // Darwin has no MSG_NOSIGNAL: ask the socket not to raise SIGPIPE
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit { close() }

    /// Connects to `127.0.0.1:port`. A non-blocking `connect` returns `EINPROGRESS` at
    /// once; the handshake has finished when the socket turns writable, and `SO_ERROR`
    /// then says whether it worked. A wake-up alone proves nothing (a wake-up can come
    /// early, like any readiness report), so it asks the kernel: `getpeername` succeeds
    /// only on a connected socket.
    public static func connect(toLoopbackPort port: Int, on loop: EventLoop,
                               deadline: ContinuousClock.Instant? = nil) async throws -> AsyncSocket {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw EventLoopError.system("socket", errno) }
        let socket = AsyncSocket(adopting: descriptor, loop: loop)  // closes it on any throw below
        var address = loopbackAddress(port: port)
        let started = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if started != 0 {
            guard errno == EINPROGRESS || errno == EINTR else { throw EventLoopError.system("connect", errno) }
            while true {
                try await loop.waitUntil(descriptor, is: .writable, deadline: deadline)
                var failure: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
                guard failure == 0 else { throw EventLoopError.system("connect", failure) }
                if isConnected(descriptor) { break }
            }
        }
        return socket
    }

    /// Whether the handshake of `descriptor` has finished.
    private static func isConnected(_ descriptor: Int32) -> Bool {
        var peer = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafeMutablePointer(to: &peer) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) == 0 }
        }
    }

    /// Writes all of `bytes`, suspending whenever the kernel's send buffer is full.
    public func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant? = nil) async throws {
        var sent = 0
        while sent < bytes.count {
            guard descriptor >= 0 else { throw EventLoopError.closed }
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)  // a peer that left must not end us with SIGPIPE
            #else
            let flags: Int32 = 0
            #endif
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
            if count >= 0 {
                sent += count
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try await loop.waitUntil(descriptor, is: .writable, deadline: deadline)
            } else if errno != EINTR {
                throw EventLoopError.system("send", errno)
            }
        }
    }

    // ANCHOR: read
    /// Reads what has arrived, at most `maximum` bytes, suspending until something has.
    /// Returns `[]` when the peer has closed its side (end of file).
    public func read(upTo maximum: Int = 64 * 1024, deadline: ContinuousClock.Instant? = nil) async throws -> [UInt8] {
        while true {
            guard descriptor >= 0 else { throw EventLoopError.closed }
            // The kernel copies into a scratch buffer that lives only for this call (on
            // the stack when the thread has room for it, else allocated and freed at once);
            // what arrived is copied into an array of exactly its size. So a wait holds no
            // buffer (ten thousand connections waiting to read hold none), an attempt that
            // finds nothing (EAGAIN) allocates nothing that lasts, and ten bytes received
            // do not keep 64 KiB alive.
            var failure: Int32 = 0
            let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximum) { scratch -> [UInt8] in
                let received = recv(descriptor, scratch.baseAddress, maximum, 0)
                guard received >= 0 else { failure = errno; return [] }
                return Array(scratch[0..<received])
            }
            if failure == 0 {
                return bytes
            } else if failure == EAGAIN || failure == EWOULDBLOCK {
                try await loop.waitUntil(descriptor, is: .readable, deadline: deadline)
            } else if failure != EINTR {
                throw EventLoopError.system("recv", failure)
            }
        }
    }
    // ANCHOR_END: read

    /// Closes the descriptor; later calls do nothing.
    public func close() {
        guard descriptor >= 0 else { return }
        _ = systemClose(descriptor)
        descriptor = -1
    }
}

/// `127.0.0.1:port` as the socket calls want it.
func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    #if canImport(Darwin)
    address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
    #endif
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

/// The system calls under names that do not clash with the methods above.
func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(descriptor, address, length)
}
