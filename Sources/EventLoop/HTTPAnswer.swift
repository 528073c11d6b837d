/// An HTTP/1.1 answer as the event-loop client reads it: the status and the body.
public struct HTTPAnswer: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// What the bytes received so far amount to.
    enum Progress: Equatable {
        /// More bytes are needed.
        case incomplete
        case complete(HTTPAnswer)
    }

    /// Reads `bytes` as an answer. The answer is complete when its head and
    /// `Content-Length` bytes of body have arrived or, without a `Content-Length`, when
    /// the server has closed the connection (`atEndOfFile`). Throws for anything that is
    /// not such an answer, and `closedEarly` when the server closed before the end.
    static func parse(_ bytes: [UInt8], atEndOfFile: Bool) throws(HTTPClientError) -> Progress {
        guard let headEnd = endOfHead(bytes) else {
            if atEndOfFile { throw bytes.isEmpty ? .closedEarly : .malformedAnswer("the head never ended") }
            return .incomplete
        }
        guard let head = String(validating: bytes[..<headEnd], as: UTF8.self) else {
            throw .malformedAnswer("the head is not UTF-8")
        }
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1" || statusLine[0] == "HTTP/1.0",
              statusLine[1].count == 3, let status = Int(statusLine[1]), (100...599).contains(status)
        else { throw .malformedAnswer("bad status line: \(lines[0].prefix(60))") }

        var contentLength: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedAnswer("bad header line: \(line.prefix(60))") }
            let name = line[..<colon].lowercased()
            // Optional white space (spaces or tabs) may surround a value (RFC 9110, 5.5).
            var value = line[line.index(after: colon)...]
            while let first = value.first, first == " " || first == "\t" { value.removeFirst() }
            while let last = value.last, last == " " || last == "\t" { value.removeLast() }
            if name == "content-length" {
                guard let length = Int(value), length >= 0 else { throw .malformedAnswer("bad Content-Length: \(value)") }
                contentLength = length
            } else if name == "transfer-encoding" {
                throw .malformedAnswer("Transfer-Encoding is not supported")
            }
        }
        let body = bytes[(headEnd + 4)...]
        if let contentLength {
            if body.count >= contentLength {
                return .complete(HTTPAnswer(status: status, body: Array(body.prefix(contentLength))))
            }
            if atEndOfFile { throw .closedEarly }
            return .incomplete
        }
        return atEndOfFile ? .complete(HTTPAnswer(status: status, body: Array(body))) : .incomplete
    }

    /// Whether `bytes` hold a blank line that ends a head (`\r\n\r\n`).
    static func containsEndOfHead(_ bytes: [UInt8]) -> Bool { endOfHead(bytes) != nil }

    /// Where the blank line that ends the head starts.
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
