import Foundation
import Testing
import Loopback

/// Nested in the loopback server's suite, which is serialized (recursively): these tests
/// open sockets, and the server's shutdown test counts the process's sockets, so they
/// must not run beside it.
extension LoopbackServerTests {
    /// `getAbandoningOnCancel` answers like `get`, and cancelling many requests while answers
    /// arrive never deadlocks (the race that can hang `URLSession.data(from:)` on Linux).
    @Suite struct LoopbackClientAbandoningTests {
        @Test func answersWithStatusAndBody() async throws {
            try await withLoopbackServer { server in
                let client = LoopbackClient(server: server, maximumConnections: 4)
                defer { client.finishAndInvalidate() }
                let page = try await client.getAbandoningOnCancel("/page/5")
                #expect(page.status == 200 && page.body == "page 5\n")
                #expect(try await client.getAbandoningOnCancel("/nowhere").status == 404)
            }
        }

        @Test func aCancelledCallerStopsWaitingAtOnce() async throws {
            try await withLoopbackServer { server in
                let client = LoopbackClient(server: server, maximumConnections: 4)
                defer { client.finishAndInvalidate() }
                let request = Task { try await client.getAbandoningOnCancel("/slow/1") }
                try await Task.sleep(for: .milliseconds(50))
                let start = ContinuousClock.now
                request.cancel()
                let outcome = await request.result
                #expect(ContinuousClock.now - start < .seconds(2))
                #expect((try? outcome.get()) == nil)

                let cancelledFirst = Task {
                    withUnsafeCurrentTask { $0?.cancel() }  // cancelled before the request starts
                    return try await client.getAbandoningOnCancel("/slow/2")
                }
                #expect((try? await cancelledFirst.value) == nil)
            }
        }

        @Test func cancellingWhileAnswersArriveNeverHangs() async throws {
            try await withLoopbackServer { server in
                let client = LoopbackClient(server: server, maximumConnections: 64)
                defer { client.finishAndInvalidate() }
                let start = ContinuousClock.now
                var answered = 0, cancelled = 0
                for round in 0..<30 {
                    let outcomes = await withTaskGroup(of: Bool.self) { group in
                        for index in 0..<64 {
                            group.addTask { (try? await client.getAbandoningOnCancel("/page/\(index)?delay_ms=\(index % 4)")) != nil }
                        }
                        try? await Task.sleep(for: .microseconds(500 * (round % 8)))  // cancel amid the answers
                        group.cancelAll()
                        return await group.reduce(into: [Bool]()) { $0.append($1) }
                    }
                    answered += outcomes.count { $0 }
                    cancelled += outcomes.count { !$0 }
                }
                #expect(answered + cancelled == 30 * 64)
                #expect(ContinuousClock.now - start < .seconds(60))
            }
        }
    }
}
