import EventLoop

/// A one-shot server for the client's tests: for each connection it reads the request
/// and does what the test says (send bytes, close at once, say nothing).
struct RawPeer {
    enum Behaviour: Sendable {
        /// Send these bytes, then close.
        case send([UInt8])
        /// Close without a word.
        case closeAtOnce
        /// Keep the connection open and never answer.
        case silent
    }

    /// Runs `body` with the port of a peer that treats every connection with `behaviour`.
    static func with<T: Sendable>(_ behaviour: Behaviour, on loop: EventLoop,
                                  _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let listener = try AsyncListener(on: loop, backlog: 64)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await withDiscardingTaskGroup { connections in
                    while true {
                        let client: AsyncSocket
                        do { client = try await listener.accept() } catch { break }
                        connections.addTask {
                            _ = try? await client.read()
                            switch behaviour {
                            case .send(let bytes): try? await client.write(bytes)
                            case .closeAtOnce: break
                            case .silent: try? await loop.sleep(for: .seconds(60))
                            }
                            client.close()
                        }
                    }
                }
                return nil
            }
            let result = try await body(listener.port)
            group.cancelAll()
            return result
        }
    }
}
