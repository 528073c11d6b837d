/// An error the builder reports to the reader: where (a `file:line` when it has one)
/// and what was wrong. The build stops and writes nothing.
public struct BookError: Error, CustomStringConvertible, Equatable {
    public let location: String?
    public let message: String

    public init(_ message: String, at location: String? = nil) {
        self.location = location
        self.message = message
    }

    public init(_ message: String, file: String, line: Int) {
        self.init(message, at: "\(file):\(line)")
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}
