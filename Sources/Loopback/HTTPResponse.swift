/// A response the loopback server sends: a status, a plain-text body, then it closes the
/// connection (`Connection: close`), so every request is one connection.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }

    /// The bytes on the wire.
    var bytes: [UInt8] {
        let body = Array(self.body.utf8)
        let head = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}
