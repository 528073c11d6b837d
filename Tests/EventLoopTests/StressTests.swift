import EventLoop
import Foundation
import Testing

@Suite("The event loop under load")
struct StressTests {
    @Test("a server, 200 clients and 1,000 sleepers share one loop, 10 times over")
    func sharedLoop() async throws {
        for _ in 0..<10 {
            try await withEventLoop { loop in
                let server = try EventLoopServer(loop: loop)
                let serving = Task { await server.run() }
                let client = EventLoopHTTPClient(loop: loop, port: server.port)
                let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<1_000 {
                        group.addTask { try await loop.sleep(for: .milliseconds(index % 100)); return false }
                    }
                    for index in 0..<200 {
                        group.addTask { try await client.get("/page/\(index)?delay_ms=100", timeout: .seconds(10)).status == 200 }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(ok == 200)
                serving.cancel()
                await serving.value
                #expect(loop.pendingWaits == 0)
            }
        }
    }
}
