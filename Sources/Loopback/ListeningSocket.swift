#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP socket listening on 127.0.0.1 at a port the kernel picks, built from the POSIX
/// calls directly: `socket`, `setsockopt(SO_REUSEADDR)`, `bind`, `listen`, `getsockname`.
struct ListeningSocket: Sendable {
    let descriptor: Int32
    let port: Int

    /// Binds to the loopback address only, so nothing outside this machine can connect.
    init(backlog: Int32) throws(LoopbackServer.Failure) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .system("socket", errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0  // the kernel picks a free port
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { let code = errno; _ = systemClose(descriptor); throw .system("bind", code) }
        guard listen(descriptor, backlog) == 0 else { let code = errno; _ = systemClose(descriptor); throw .system("listen", code) }

        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { let code = errno; _ = systemClose(descriptor); throw .system("getsockname", code) }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one pending connection (call it when `poll` says the socket is readable).
    /// Returns `nil` if the client went away in between or descriptors ran out.
    func accept() -> Int32? {
        #if canImport(Glibc)
        let connection = Glibc.accept(descriptor, nil, nil)
        #else
        let connection = Darwin.accept(descriptor, nil, nil)
        #endif
        guard connection >= 0 else { return nil }
        #if canImport(Darwin)
        var yes: Int32 = 1  // Darwin has no MSG_NOSIGNAL: ask the socket not to raise SIGPIPE
        setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return connection
    }

    func close() { _ = systemClose(descriptor) }
}
