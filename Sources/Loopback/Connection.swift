#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted client connection: read one request head, write one response, close.
struct Connection {
    let descriptor: Int32
    let stop: StopSignal

    /// The most a request head may take; a longer one is malformed.
    static let maximumHeadSize = 16 * 1024

    enum ReadResult {
        case head([UInt8])
        /// Too long, or the client closed before the blank line: answer 400.
        case malformed
        /// The client sent nothing in time, or the server is stopping: just close.
        case abandoned
    }

    /// Reads until the blank line that ends the head (`\r\n\r\n`).
    func readHead(timeoutMilliseconds: Int32) -> ReadResult {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            switch stop.poll(readable: descriptor, timeoutMilliseconds: timeoutMilliseconds) {
            case .stopped, .timedOut: return bytes.isEmpty ? .abandoned : .malformed
            case .readable: break
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? .abandoned : .malformed }
            bytes += chunk[0..<count]
            if let end = Self.endOfHead(in: bytes) { return .head(Array(bytes[..<end])) }
            if bytes.count > Self.maximumHeadSize { return .malformed }
        }
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Writes the whole response; a client that has gone away is not an error here.
    func write(_ response: HTTPResponse) {
        let bytes = response.bytes
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)  // a closed client must not kill us with SIGPIPE
            #else
            let flags: Int32 = 0
            #endif
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            sent += count
        }
    }

    func close() { _ = systemClose(descriptor) }
}
