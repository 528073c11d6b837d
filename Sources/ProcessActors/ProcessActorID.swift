/// Where a distributed actor lives and what it is called there: the process (its pid)
/// and a name unique in that process. It is the whole of a reference: any process that
/// knows an ID can resolve it to a proxy and call the actor (Python's xoscar does the
/// same with an address and a `uid`).
///
/// A pid is a fine address for worker processes on one machine, which is all this
/// library connects; across machines an address would be a host and a port.
public struct ProcessActorID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The process that hosts the actor.
    public let pid: Int32
    /// The actor's name in that process.
    public let name: String

    public init(pid: Int32, name: String) {
        self.pid = pid
        self.name = name
    }

    public var description: String { "\(name)@\(pid)" }
}
