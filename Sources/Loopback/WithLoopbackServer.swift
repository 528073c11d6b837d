/// Runs `body` with a started `LoopbackServer` and stops the server when `body` returns or
/// throws: a scoped resource, the Swift form of Python's `async with server:`.
///
///     let page = try await withLoopbackServer { server in
///         try await LoopbackClient(server: server, maximumConnections: 10).get("/page/1")
///     }
///
/// Whatever happens inside, no server thread or socket outlives the call. `stop()` waits
/// (briefly: it wakes every connection) for the server's threads, so it is called from a
/// `defer`, which cannot `await`.
public func withLoopbackServer<Result>(
    configuration: LoopbackServer.Configuration = LoopbackServer.Configuration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (LoopbackServer) async throws -> Result
) async throws -> Result {
    let server = LoopbackServer(configuration: configuration)
    try server.start()
    defer { server.stop() }
    return try await body(server)
}
