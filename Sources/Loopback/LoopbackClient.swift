import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `URLSession` client for a `LoopbackServer`, with its connection limit chosen on
/// purpose.
///
/// `URLSession` opens at most `httpMaximumConnectionsPerHost` connections to one host
/// and queues the rest: 6 by default on Linux. A concurrency experiment against one local
/// server would measure that hidden limit instead of the code under test, so every
/// client states its own limit.
public struct LoopbackClient: Sendable {
    public let server: LoopbackServer
    public let session: URLSession

    /// The status and text of one answer.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var body: String
    }

    public init(server: LoopbackServer, maximumConnections: Int) {
        self.server = server
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnections
        configuration.timeoutIntervalForRequest = 30
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// `GET pathAndQuery` on the server, e.g. `get("/page/3?delay_ms=100")`.
    /// Cancelling the calling task cancels the request (it throws).
    public func get(_ pathAndQuery: String) async throws -> Response {
        let (data, response) = try await session.data(from: server.url(pathAndQuery))
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Response(status: status, body: String(decoding: data, as: UTF8.self))
    }

    /// Ends the session's connections; call it when done with the client.
    public func invalidate() { session.invalidateAndCancel() }
}
