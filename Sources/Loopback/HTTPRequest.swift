/// The parts of an HTTP/1.x request line the loopback server understands.
///
///     GET /page/3?delay_ms=100 HTTP/1.1
///
/// Parsing is deliberately strict and small: anything that is not a well-formed request
/// line becomes `nil`, and the server answers it with `400 Bad Request`.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The path without the query, e.g. `/page/3`.
    public var path: String
    /// The query's `name=value` pairs, e.g. `["delay_ms": "100"]`.
    public var query: [String: String]

    public init(method: String, path: String, query: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.query = query
    }

    /// Parses the head of a request (the bytes up to the blank line).
    public init?(head: [UInt8]) {
        guard let text = String(validating: head, as: UTF8.self) else { return nil }
        guard let requestLine = text.split(separator: "\r\n", maxSplits: 1, omittingEmptySubsequences: false).first
        else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3,
              !parts[0].isEmpty, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }),
              parts[1].first == "/",
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
        else { return nil }
        method = String(parts[0])
        let target = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(target[0])
        query = [:]
        if target.count == 2 {
            for pair in target[1].split(separator: "&") {
                let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[String(nameAndValue[0])] = nameAndValue.count == 2 ? String(nameAndValue[1]) : ""
            }
        }
    }

    /// The path's segments: `/page/3` -> `["page", "3"]`.
    public var segments: [Substring] { path.split(separator: "/") }

    /// A query parameter as a non-negative integer, or `nil` when absent or not a number.
    public func integer(_ name: String) -> Int? {
        query[name].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }
}
