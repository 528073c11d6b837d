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
    /// Cancelling the calling task cancels the request (it throws). On Linux, with Swift
    /// 6.3.1, that is unsafe: cancelling a request at the instant its answer arrives can
    /// hang or crash (swift-corelibs-foundation issue #5412; the fix, PR #5417, is not in
    /// this toolchain). Call `get` only where nothing cancels it (not in a throwing group,
    /// whose failing child cancels its siblings, nor under a timeout); elsewhere call
    /// `getAbandoningOnCancel`.
    public func get(_ pathAndQuery: String) async throws -> Response {
        let (data, response) = try await session.data(from: server.url(pathAndQuery))
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Response(status: status, body: String(decoding: data, as: UTF8.self))
    }

    /// Ends the session's connections, cancelling any request still in flight; call it
    /// when done with the client and no request can still be running (the cancellation
    /// has the hazard `get` describes). With abandoned requests about, `finishAndInvalidate`.
    public func invalidate() { session.invalidateAndCancel() }
}
