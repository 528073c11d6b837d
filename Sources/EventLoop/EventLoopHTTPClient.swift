/// A small HTTP/1.1 client on the event loop, the equal of Python's
/// `asyncio.open_connection` with a hand-written `GET`: one connection per request,
/// `Connection: close`, read until the answer is complete.
///
///     let client = EventLoopHTTPClient(loop: loop, port: server.port)
///     let answer = try await client.get("/page/3?delay_ms=50")   // answer.status == 200
///
/// Each step (connect, write, every read) suspends the task on the loop and holds no
/// thread. Cancelling the task, or the deadline passing, ends the request at whichever
/// step it is in, and the socket's descriptor is closed on the way out.
public struct EventLoopHTTPClient: Sendable {
    public let loop: EventLoop
    public let port: Int
    /// The longest answer accepted.
    public var maximumAnswerSize = 1024 * 1024
    public init(loop: EventLoop, port: Int) {
        self.loop = loop
        self.port = port
    }

    /// `GET pathAndQuery` on `127.0.0.1:port`. Throws `EventLoopError.timedOut` when
    /// `timeout` passes first, `CancellationError` when the task is cancelled, and
    /// `HTTPClientError` for an answer that is malformed or cut short.
    // ANCHOR: get
    public func get(_ pathAndQuery: String, timeout: Duration = .seconds(30)) async throws -> HTTPAnswer {
        let deadline = ContinuousClock.now + timeout
        let socket = try await AsyncSocket.connect(toLoopbackPort: port, on: loop, deadline: deadline)
        defer { socket.close() }
        let request = "GET \(pathAndQuery) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        try await socket.write(Array(request.utf8), deadline: deadline)
        var received: [UInt8] = []
        while true {
            let chunk = try await socket.read(deadline: deadline)
            received += chunk
            guard received.count <= maximumAnswerSize else { throw HTTPClientError.answerTooLarge(limit: maximumAnswerSize) }
            if case .complete(let answer) = try HTTPAnswer.parse(received, atEndOfFile: chunk.isEmpty) {
                return answer
            }
        }
    }
    // ANCHOR_END: get
}
