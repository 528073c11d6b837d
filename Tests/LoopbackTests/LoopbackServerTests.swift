import Foundation
import Testing
@testable import Loopback

/// Serialized: the shutdown test counts the process's sockets and pipes.
@Suite(.serialized)
struct LoopbackServerTests {
    @Test func answersPagesWithTheirNumber() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        #expect(server.port > 0)
        let answer = RawConnection.exchange(port: server.port, "GET /page/7 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(statusCode(answer) == 200)
        #expect(answer?.hasSuffix("\r\n\r\npage 7\n") == true)
        #expect(statusCode(RawConnection.exchange(port: server.port, "GET /nothing HTTP/1.1\r\n\r\n")) == 404)
        #expect(statusCode(RawConnection.exchange(port: server.port, "POST /page/1 HTTP/1.1\r\n\r\n")) == 405)
        #expect(server.statistics.requests == 3)
    }

    @Test func delaysTheAnswer() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let start = ContinuousClock.now
        let answer = RawConnection.exchange(port: server.port, "GET /page/1?delay_ms=150 HTTP/1.1\r\n\r\n")
        let elapsed = ContinuousClock.now - start
        #expect(statusCode(answer) == 200)
        #expect(elapsed >= .milliseconds(150))
    }

    @Test func flakyPathFailsTheFirstAttemptsPerKey() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let statuses = (1...4).map { _ in
            statusCode(RawConnection.exchange(port: server.port, "GET /flaky/a?fail_first=2 HTTP/1.1\r\n\r\n"))
        }
        #expect(statuses == [503, 503, 200, 200])
        // Another key counts its own attempts.
        #expect(statusCode(RawConnection.exchange(port: server.port, "GET /flaky/b?fail_first=1 HTTP/1.1\r\n\r\n")) == 503)
    }

    @Test func servesMoreThan200ConnectionsAtOnce() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let count = 250
        // Open every connection first, then send every request: all of them are in the
        // server at the same time, each waiting out its 1 s delay.
        let connections = (0..<count).compactMap { _ in RawConnection(port: server.port) }
        #expect(connections.count == count)
        for (index, connection) in connections.enumerated() {
            connection.send("GET /page/\(index)?delay_ms=1000 HTTP/1.1\r\n\r\n")
        }
        let answers = connections.map { connection in
            defer { connection.close() }
            return connection.readAll()
        }
        #expect(answers.allSatisfy { statusCode($0) == 200 })
        #expect(Set(answers.map { $0.components(separatedBy: "\r\n\r\n").last ?? "" }).count == count)
        let statistics = server.statistics
        #expect(statistics.requests == count)
        #expect(statistics.maxInFlight >= 200, "max in flight \(statistics.maxInFlight)")
        #expect(statistics.inFlight == 0)
    }

    @Test func answersMalformedRequestsWith400AndKeepsServing() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let malformed = [
            "garbage\r\n\r\n",
            "GET\r\n\r\n",
            "GET page/1 HTTP/1.1\r\n\r\n",
            "GET /page/1 HTTP/9.9\r\n\r\n",
            "get /page/1 HTTP/1.1\r\n\r\n",
            "GET /page/1  HTTP/1.1\r\n\r\n",
            "GET /page/1 HTTP/1.1\r\n" + String(repeating: "X", count: 40_000),
        ]
        for request in malformed {
            #expect(statusCode(RawConnection.exchange(port: server.port, request)) == 400, "\(request.prefix(30))")
        }
        // Invalid UTF-8 and a half-sent request closed early.
        let binary = RawConnection(port: server.port)!
        binary.send([0xFF, 0xFE, 0x00, 0x13, 13, 10, 13, 10])
        #expect(statusCode(binary.readAll()) == 400)
        binary.close()
        let halfSent = RawConnection(port: server.port)!
        halfSent.send("GET /page/1 HT")
        #if canImport(Glibc)
        shutdown(halfSent.descriptor, Int32(SHUT_WR))
        #endif
        #expect(statusCode(halfSent.readAll()) == 400)
        halfSent.close()
        // Connect and leave without a word.
        RawConnection(port: server.port)!.close()

        #expect(statusCode(RawConnection.exchange(port: server.port, "GET /page/2 HTTP/1.1\r\n\r\n")) == 200)
        #expect(server.statistics.badRequests == malformed.count + 2)
    }

    @Test func stopLeavesNoThreadNoSocketAndRefusesConnections() throws {
        let socketsBefore = openSocketsAndPipes()
        let server = LoopbackServer()
        try server.start()
        let port = server.port
        #expect(statusCode(RawConnection.exchange(port: port, "GET /page/1 HTTP/1.1\r\n\r\n")) == 200)
        // Three requests stuck in a 10 s delay and one idle connection: stop() must end them.
        let stuck = (0..<3).map { _ in RawConnection(port: port)! }
        stuck.forEach { $0.send("GET /slow/1 HTTP/1.1\r\n\r\n") }
        let idle = RawConnection(port: port)!
        while server.statistics.inFlight < 3 { usleep(1_000) }
        // The idle connection's thread starts when the acceptor gets to it: wait for it.
        let started = ContinuousClock.now + .seconds(5)
        while server.liveThreadCount < 5 && ContinuousClock.now < started { usleep(1_000) }
        #expect(server.liveThreadCount == 5)  // the acceptor and four connection threads

        let start = ContinuousClock.now
        server.stop()
        let stopping = ContinuousClock.now - start
        #expect(stopping < .seconds(2), "stop took \(stopping)")
        #expect(server.liveThreadCount == 0)
        #expect(!server.isRunning)
        stuck.forEach { #expect($0.readAll() == ""); $0.close() }  // closed without an answer
        idle.close()
        #expect(openSocketsAndPipes() == socketsBefore)
        #expect(RawConnection(port: port) == nil, "connection refused after stop")
        server.stop()  // stopping twice is harmless
    }

    @Test func startsOnlyOnce() throws {
        let server = LoopbackServer()
        try server.start()
        #expect(throws: LoopbackServer.Failure.notIdle) { try server.start() }
        server.stop()
        #expect(throws: LoopbackServer.Failure.notIdle) { try server.start() }
        LoopbackServer().stop()  // a server that never started can be stopped
    }

    /// A request stops counting as in flight before its answer goes out, so a client that
    /// has read an answer never finds that request still counted (and a client's next
    /// request on a new connection is never counted beside it).
    @Test func anAnsweredRequestIsNoLongerInFlight() async throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let client = LoopbackClient(server: server, maximumConnections: 1)
        defer { client.invalidate() }  // nothing in flight by then
        for page in 1...30 {
            let response = try await client.get("/page/\(page)")
            #expect(response.status == 200)
            #expect(server.statistics.inFlight == 0, "after answer \(page)")
        }
        #expect(server.statistics.maxInFlight == 1)
    }

    @Test func urlSessionClientFetchesPages() async throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let client = LoopbackClient(server: server, maximumConnections: 50)
        defer { client.invalidate() }
        let response = try await client.get("/page/3?delay_ms=20")
        #expect(response == LoopbackClient.Response(status: 200, body: "page 3\n"))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 { group.addTask { try await client.get("/page/\(index)?delay_ms=200").status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 40))
        #expect(server.statistics.maxInFlight > 6, "more than URLSession's default 6 connections")
    }
}

extension RawConnection: Equatable {
    static func == (lhs: RawConnection, rhs: RawConnection) -> Bool { lhs.descriptor == rhs.descriptor }
}
