import Loopback
import Primitives

/// An HTTP/1.1 server on the event loop: the loopback server's `/page/N?delay_ms=D`
/// route, served by one task per connection instead of one thread per connection.
///
///     let server = try EventLoopServer(loop: loop)
///     let serving = Task { await server.run() }
///     // GET http://127.0.0.1:\(server.port)/page/7?delay_ms=1000 answers "page 7\n" after 1 s
///     serving.cancel(); await serving.value                   // stops; every connection closed
///
/// A waiting connection is a suspended task: a few hundred bytes of task state and a
/// table entry in the loop, not a thread with its stack. The delay is a timer of the
/// loop. Every answer closes its connection, like `LoopbackServer`'s.
public final class EventLoopServer: Sendable {
    /// What the server has seen; `maxInFlight` is the most requests it held at one instant.
    public struct Statistics: Sendable, Equatable {
        public var connections = 0
        public var requests = 0
        public var badRequests = 0
        public var inFlight = 0
        public var maxInFlight = 0
    }

    public let loop: EventLoop
    public let port: Int
    /// How long a client may take to send its request head.
    public let readTimeout: Duration
    private let listener: AsyncListener
    private let counters = Locked(Statistics())

    /// The most a request head may take; a longer one is answered `400`.
    static let maximumHeadSize = 16 * 1024

    public init(loop: EventLoop, backlog: Int32 = 4096, readTimeout: Duration = .seconds(5)) throws(EventLoopError) {
        listener = try AsyncListener(on: loop, backlog: backlog)
        self.loop = loop
        self.port = listener.port
        self.readTimeout = readTimeout
    }

    public var statistics: Statistics { counters.withLock { $0 } }

    public func resetStatistics() {
        counters.withLock { $0 = Statistics(inFlight: $0.inFlight, maxInFlight: $0.inFlight) }
    }

    /// Accepts and serves clients until the calling task is cancelled; then every
    /// connection's task is cancelled too, and `run` returns when all have closed.
    /// Call it once. The listening socket closes when the server is released.
    public func run() async {
        await withDiscardingTaskGroup { group in
            while true {
                let client: AsyncSocket
                do {
                    client = try await listener.accept()
                } catch {
                    break  // cancelled (or the loop stopped): the group cancels the connections
                }
                counters.withLock { $0.connections += 1 }
                group.addTask { await self.serve(client) }
            }
            group.cancelAll()
        }
    }

    private func serve(_ client: AsyncSocket) async {
        defer { client.close() }
        let deadline = ContinuousClock.now + readTimeout
        var received: [UInt8] = []
        var head: [UInt8]
        while true {
            if let end = HTTPAnswer.endOfHead(received) {
                head = Array(received[..<end])
                break
            }
            guard received.count <= Self.maximumHeadSize else {
                await answer(client, 400, "request head too long\n")
                return
            }
            // Silent, too slow, or gone mid-request: just close.
            guard let chunk = try? await client.read(upTo: 4096, deadline: deadline), !chunk.isEmpty else { return }
            received += chunk
        }
        guard let request = HTTPRequest(head: head), request.method == "GET" else {
            await answer(client, 400, "malformed request\n")
            return
        }
        let segments = request.segments
        guard segments.count == 2, segments[0] == "page" else {
            await answer(client, 404, "no such page: \(request.path)\n")
            return
        }
        counters.withLock {
            $0.requests += 1
            $0.inFlight += 1
            $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
        }
        defer { counters.withLock { $0.inFlight -= 1 } }
        do {
            try await loop.sleep(for: .milliseconds(request.integer("delay_ms") ?? 0))
        } catch {
            return  // the server is stopping: the client gets no answer, like LoopbackServer's
        }
        await answer(client, 200, "page \(segments[1])\n")
    }

    private func answer(_ client: AsyncSocket, _ status: Int, _ body: String) async {
        if status == 400 { counters.withLock { $0.badRequests += 1 } }
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found"][status] ?? "Status"
        let bytes = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        // A client that has gone away is not the server's problem.
        try? await client.write(Array(bytes.utf8), deadline: .now + readTimeout)
    }
}
