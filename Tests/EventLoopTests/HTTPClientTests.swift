import EventLoop
import Foundation
import Loopback
import Testing

@Suite("The event-loop HTTP client and server")
struct HTTPClientTests {
    /// Runs `body` with a loop and an event-loop server on it, then stops both and checks
    /// that no socket on the server's port is left open.
    private func withServer(_ body: @Sendable (EventLoop, EventLoopServer) async throws -> Void) async throws {
        try await withEventLoop { loop in
            let server = try EventLoopServer(loop: loop, readTimeout: .seconds(20))
            let port = server.port
            let serving = Task { await server.run() }
            do {
                try await body(loop, server)
            } catch {
                serving.cancel()
                await serving.value
                throw error
            }
            serving.cancel()
            await serving.value
            #expect(await eventually { openSockets(onPort: port).map { $0 <= 1 } ?? true },
                    "only the listening socket is left: \(openSockets(onPort: port) ?? -1)")
            #expect(loop.pendingWaits == 0)
        }
    }

    @Test("one page")
    func onePage() async throws {
        try await withServer { loop, server in
            let answer = try await EventLoopHTTPClient(loop: loop, port: server.port).get("/page/7?delay_ms=10")
            #expect(answer.status == 200)
            #expect(answer.text == "page 7\n")
            #expect(try await EventLoopHTTPClient(loop: loop, port: server.port).get("/nothing").status == 404)
        }
    }

    @Test("500 requests at once are all answered, together, each with its own page")
    func manyConnections() async throws {
        try await withServer { loop, server in
            let client = EventLoopHTTPClient(loop: loop, port: server.port)
            let start = ContinuousClock.now
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<500 {
                    group.addTask { (index, try await client.get("/page/\(index)?delay_ms=200").text) }
                }
                return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
            }
            #expect(bodies.count == 500)
            #expect(bodies.allSatisfy { $0.value == "page \($0.key)\n" })
            #expect(ContinuousClock.now - start < .seconds(20), "in sequence they would take 100 s")
            #expect(server.statistics.requests == 500)
            #expect(server.statistics.maxInFlight > 50, "the waits overlapped at the server")
        }
    }

    @Test("the client works against the thread-per-connection LoopbackServer too")
    func againstLoopbackServer() async throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        try await withEventLoop { loop in
            let client = EventLoopHTTPClient(loop: loop, port: server.port)
            let answer = try await client.get("/page/3?delay_ms=5")
            #expect(answer.status == 200 && answer.text == "page 3\n")
        }
    }

    @Test("a deadline that passes ends the request with timedOut and closes its socket")
    func timeout() async throws {
        try await withServer { loop, server in
            let client = EventLoopHTTPClient(loop: loop, port: server.port)
            let start = ContinuousClock.now
            await #expect(throws: EventLoopError.timedOut) {
                try await client.get("/page/1?delay_ms=10000", timeout: .milliseconds(100))
            }
            #expect(ContinuousClock.now - start < .seconds(5), "not the 10 s of the delay")
        }
    }

    @Test("cancelling requests at every moment: each ends, cleanly, with its page or CancellationError")
    func cancellationAtEveryStep() async throws {
        try await withServer { loop, server in
            let client = EventLoopHTTPClient(loop: loop, port: server.port)
            let outcomes = Recorder()
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<300 {
                    // Cancel moments spread over 0-6 ms, across connect, write, read and
                    // the server's 3 ms delay.
                    let request = Task {
                        do { _ = try await client.get("/page/\(index)?delay_ms=3"); outcomes.append(0) }
                        catch is CancellationError { outcomes.append(1) }
                        catch { outcomes.append(2) }
                    }
                    group.addTask {
                        try? await Task.sleep(for: .microseconds((index * 20) % 6000))
                        request.cancel()
                        await request.value
                    }
                }
            }
            #expect(outcomes.values.count == 300)
            #expect(!outcomes.values.contains(2))
            #expect(outcomes.values.contains(1), "some requests were cancelled mid-way")
        }
    }

    @Test("stopping the server closes every connection it holds")
    func serverStopClosesConnections() async throws {
        try await withEventLoop { loop in
            let server = try EventLoopServer(loop: loop)
            let port = server.port
            let serving = Task { await server.run() }
            let client = EventLoopHTTPClient(loop: loop, port: port)
            let requests = (0..<50).map { index in Task { try await client.get("/page/\(index)?delay_ms=30000") } }
            #expect(await eventually { server.statistics.inFlight == 50 })
            if let open = openSockets(onPort: port) {
                #expect(open == 101, "both ends of 50 connections, and the listening socket")
            }
            serving.cancel()
            await serving.value
            for request in requests {
                await #expect(throws: HTTPClientError.closedEarly) { try await request.value }
            }
            #expect(await eventually { openSockets(onPort: port).map { $0 <= 1 } ?? true })
        }
    }

    @Test("a refused connection is an error, not a hang")
    func refused() async throws {
        try await withEventLoop { loop in
            let port = try AsyncListener(on: loop, backlog: 1).port  // released at once: nobody listens
            await #expect(throws: EventLoopError.self) {
                try await EventLoopHTTPClient(loop: loop, port: port).get("/", timeout: .seconds(20))
            }
        }
    }
}

@Suite("The client and peers that misbehave")
struct MisbehavingPeerTests {
    private func answer(_ behaviour: RawPeer.Behaviour, timeout: Duration = .seconds(20)) async throws -> HTTPAnswer {
        try await withEventLoop { loop in
            try await RawPeer.with(behaviour, on: loop) { port in
                try await EventLoopHTTPClient(loop: loop, port: port).get("/", timeout: timeout)
            }
        }
    }

    @Test("an answer without Content-Length is read until the peer closes")
    func untilClose() async throws {
        let answer = try await answer(.send(Array("HTTP/1.0 200 OK\r\n\r\nhello".utf8)))
        #expect(answer == HTTPAnswer(status: 200, body: Array("hello".utf8)))
    }

    @Test("spaces and tabs around a header value are allowed, on both sides")
    func whitespaceAroundValues() async throws {
        let answer = try await answer(.send(Array("HTTP/1.1 200 OK\r\nContent-Length:\t 2 \t\r\n\r\nhi".utf8)))
        #expect(answer == HTTPAnswer(status: 200, body: Array("hi".utf8)))
    }

    @Test("a peer that closes without a word: closedEarly")
    func closesAtOnce() async throws {
        await #expect(throws: HTTPClientError.closedEarly) { try await answer(.closeAtOnce) }
    }

    @Test("a body shorter than its Content-Length: closedEarly")
    func shortBody() async throws {
        await #expect(throws: HTTPClientError.closedEarly) {
            try await answer(.send(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8)))
        }
    }

    @Test("not HTTP at all, a bad status, a bad header: malformedAnswer",
          arguments: ["SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n", "half a head"])
    func malformed(_ text: String) async throws {
        do {
            _ = try await answer(.send(Array(text.utf8)))
            Issue.record("\(text.debugDescription) was taken for an answer")
        } catch HTTPClientError.malformedAnswer {
        }
    }

    @Test("a peer that never answers: timedOut")
    func silent() async throws {
        await #expect(throws: EventLoopError.timedOut) { try await answer(.silent, timeout: .milliseconds(100)) }
    }
}
