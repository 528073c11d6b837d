import Foundation
import Primitives

/// Runs `body` with a started `LoopbackServer` and stops the server when `body` returns or
/// throws: a scoped resource, the Swift form of Python's `async with server:`.
///
///     let page = try await withLoopbackServer { server in
///         try await LoopbackClient(server: server, maximumConnections: 10).get("/page/1")
///     }
///
/// Whatever happens inside, no server thread or socket outlives the call. `stop()` blocks
/// (briefly: it wakes every connection and waits for the server's threads), and a blocking
/// call must not hold one of the cooperative pool's few threads. So the server is not
/// stopped in a `defer` (which cannot `await`): after `body` returns or throws, the call
/// suspends while a thread of its own stops the server, and then returns or rethrows.
public func withLoopbackServer<Result>(
    configuration: LoopbackServer.Configuration = LoopbackServer.Configuration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (LoopbackServer) async throws -> Result
) async throws -> Result {
    let server = LoopbackServer(configuration: configuration)
    try server.start()
    let outcome: Swift.Result<Result, any Error>
    do {
        outcome = .success(try await body(server))
    } catch {
        outcome = .failure(error)
    }
    await onOwnThread { server.stop() }   // stop() waits for the server's threads to end: not on the task pool
    return try outcome.get()
}
