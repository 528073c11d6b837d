#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the bytes arriving on a file descriptor into lines: the framing of a
/// JSON-lines channel. A pipe delivers bytes, not messages: one `read` may return half
/// a message or three of them, so bytes wait in `buffer` until a newline completes one.
struct LineReader: Sendable {
    let descriptor: Int32
    let maximumLineLength: Int
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to contain no newline, so no byte is searched twice.
    private var searched = 0
    private var atEndOfFile = false

    init(descriptor: Int32, maximumLineLength: Int) {
        self.descriptor = descriptor
        self.maximumLineLength = maximumLineLength
    }

    // ANCHOR: next-line
    /// The next line without its newline. Waits at most `timeout` (forever if `nil`).
    mutating func nextLine(timeout: Duration?) throws(MessageChannelError) -> [UInt8] {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                searched = 0
                return line
            }
            searched = buffer.count
            guard buffer.count <= maximumLineLength else { throw .messageTooLong(limit: maximumLineLength) }
            if atEndOfFile {
                if buffer.isEmpty { throw .closed }
                let partial = buffer.count
                buffer.removeAll()        // reported once; the next call reports `.closed`
                searched = 0
                throw .truncatedMessage(bytes: partial)
            }
            if let deadline {
                let remaining = deadline - .now
                guard remaining > .zero, Pipes.waitReadable(descriptor, timeout: remaining) else { throw .timedOut }
            }
            try fill()
        }
    }
    // ANCHOR_END: next-line

    /// One `read` into the buffer.
    private mutating func fill() throws(MessageChannelError) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || errno != EINTR {
            atEndOfFile = true  // a read error is treated like the end: nothing more will come
        }
    }
}
