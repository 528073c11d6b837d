/// Every error that the children of a task group threw, in the order of their inputs:
/// Python's `ExceptionGroup`, which `asyncio.TaskGroup` raises with all its children's
/// exceptions.
///
/// A Swift task group rethrows only the first error that reaches the parent; any other
/// child's error is silently dropped. `gatherAll` (in `Gather.swift`) keeps them all and
/// throws them together as one `ErrorGroup`.
public struct ErrorGroup: Error, CustomStringConvertible {
    /// One failed child: its position among the inputs, and what it threw.
    public struct Failure: Sendable {
        public let index: Int
        public let error: any Error
    }

    /// The failures, ordered by input index.
    public let failures: [Failure]

    public init(_ failures: [Failure]) {
        self.failures = failures.sorted { $0.index < $1.index }
    }

    /// Just the errors, ordered by input index.
    public var errors: [any Error] { failures.map(\.error) }

    public var description: String {
        let list = failures.map { "#\($0.index): \($0.error)" }.joined(separator: "; ")
        return "\(failures.count) error\(failures.count == 1 ? "" : "s"): \(list)"
    }
}
