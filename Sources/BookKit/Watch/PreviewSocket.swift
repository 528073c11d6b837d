import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX socket calls the preview server needs, in one place: a listening socket on
/// 127.0.0.1 only, accepting with a timeout, and writing without SIGPIPE.
enum PreviewSocket {
    /// A socket listening on 127.0.0.1 at `port` (0: a free port the kernel picks).
    /// Returns the descriptor and the port it got.
    static func listen(port: UInt16) throws -> (descriptor: Int32, port: UInt16) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw failure("socket") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")  // never another interface
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { let error = failure("bind to 127.0.0.1:\(port)"); close(descriptor); throw error }
        #if canImport(Glibc)
        let listening = Glibc.listen(descriptor, 64)
        #else
        let listening = Darwin.listen(descriptor, 64)
        #endif
        guard listening == 0 else { let error = failure("listen"); close(descriptor); throw error }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { let error = failure("getsockname"); close(descriptor); throw error }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    /// The next connection, or `nil` if none arrived within `milliseconds` (so the
    /// accepting loop can notice it was told to stop).
    static func accept(_ listening: Int32, waitingUpTo milliseconds: Int32) -> Int32? {
        var entry = pollfd(fd: listening, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) == 1 else { return nil }
        #if canImport(Glibc)
        let connection = Glibc.accept(listening, nil, nil)
        #else
        let connection = Darwin.accept(listening, nil, nil)
        #endif
        guard connection >= 0 else { return nil }
        #if canImport(Darwin)
        var yes: Int32 = 1  // Darwin has no MSG_NOSIGNAL: ask the socket itself not to raise SIGPIPE
        setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        // A client that stops reading must not stall the server: writes give up after 2 s.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return connection
    }

    /// Writes all of `data`; false if the client went away (never raises SIGPIPE).
    static func write(_ connection: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let sent = send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(connection, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #endif
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Reads a request's head (up to the blank line), at most 16 KiB.
    static func readHead(_ connection: Int32) -> String? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while received.count < 16_384 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            received.append(contentsOf: buffer[0..<count])
            if received.firstRange(of: end) != nil { return String(decoding: received, as: UTF8.self) }
        }
        return nil
    }

    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    private static func failure(_ call: String) -> BookError {
        BookError("the preview server cannot \(call): \(String(cString: strerror(errno)))")
    }
}
