import Foundation
import Loopback
import Notebook

struct DemoFailure: Error, CustomStringConvertible {
    var description: String { "something went wrong inside the scope" }
}

func scopedResource(_ cell: Cell) async throws {
    // ANCHOR: scoped
    var usedServer: LoopbackServer?
    do {
        try await withLoopbackServer { server in
            usedServer = server
            let client = LoopbackClient(server: server, maximumConnections: 4)
            defer { client.invalidate() }
            let page = try await client.get("/page/1")
            print("inside the scope: port \(server.port), GET /page/1 -> \(page.status) \(page.body.trimmingCharacters(in: .whitespacesAndNewlines))")
            throw DemoFailure()
        }
    } catch {
        print("the scope threw: \(error)")
    }
    let server = try require(usedServer, "the server")
    print("after the scope: server running? \(server.isRunning); its threads: \(server.liveThreadCount)")
    // ANCHOR_END: scoped
    cell.check(!server.isRunning && server.liveThreadCount == 0,
               "the server was stopped and its threads had ended although the body threw")
}

/// `try #require(x)` for the chapter: unwraps or throws.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw RequirementFailed(what: what) }
    return value
}

struct RequirementFailed: Error { let what: String }
