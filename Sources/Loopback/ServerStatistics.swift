/// What the loopback server has seen since it started (or since `resetStatistics()`).
public struct ServerStatistics: Sendable, Equatable {
    /// Connections accepted.
    public var connections = 0
    /// Well-formed requests answered (any status except 400).
    public var requests = 0
    /// Malformed requests, answered with `400 Bad Request`.
    public var badRequests = 0
    /// Requests being handled right now (parsed, their answer not yet started out).
    public var inFlight = 0
    /// The largest `inFlight` seen: how many requests the server had at the same instant.
    public var maxInFlight = 0

    public init() {}

    mutating func requestBegan() {
        requests += 1
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
    }

    mutating func requestEnded() {
        inFlight -= 1
    }
}
