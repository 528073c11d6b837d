import EventLoop
import Foundation
import Loopback
import Notebook

/// What one client costs on its own, measured three ways against the same server.
struct ClientCost: Sendable {
    /// One request with nothing to wait for, one after another: the median.
    var single: [Double] = []
    /// `Settings.pages` requests at once with nothing to wait for.
    var batch: [Double] = []
    /// `Settings.pages` requests at once at the showdown's delay: when the first and the
    /// last answer arrived.
    var firstAnswer: [Double] = []
    var lastAnswer: [Double] = []
    var failures = 0
}

// ANCHOR: client-cost
/// Times `get` alone: single requests, a batch with no delay, and the arrival of each
/// answer of a batch at the showdown's delay.
func measureClient(_ get: @escaping AsyncGet, into cost: inout ClientCost) async {
    for index in 0..<10 {
        let start = ContinuousClock.now
        if (try? await get("/page/\(index)")) != 200 { cost.failures += 1 }
        cost.single.append((ContinuousClock.now - start).seconds)
    }
    for delay in [0, Int(Settings.delaySeconds * 1000)] {
        let start = ContinuousClock.now
        let arrivals = await withTaskGroup(of: Double?.self) { group in
            for index in 0..<Settings.pages {
                group.addTask {
                    guard (try? await get("/page/\(index)?delay_ms=\(delay)")) == 200 else { return nil }
                    return (ContinuousClock.now - start).seconds
                }
            }
            return await group.reduce(into: [Double?]()) { $0.append($1) }
        }
        cost.failures += arrivals.count { $0 == nil }
        let times = arrivals.compactMap { $0 }.sorted()
        guard let first = times.first, let last = times.last else { continue }
        if delay == 0 { cost.batch.append(last) } else { cost.firstAnswer.append(first); cost.lastAnswer.append(last) }
    }
}
// ANCHOR_END: client-cost

func clientCost(_ cell: Cell) async throws {
    let server = LoopbackServer()
    try server.start()
    defer { server.stop() }
    let session = LoopbackClient(server: server, maximumConnections: Settings.pages)
    defer { session.invalidate() }
    var costs: [IOClient: ClientCost] = [.urlSession: ClientCost(), .eventLoop: ClientCost()]
    try await withEventLoop { loop in
        let eventLoopClient = EventLoopHTTPClient(loop: loop, port: server.port)
        for _ in 1...Settings.ioRounds {
            await measureClient({ try await session.get($0).status }, into: &costs[.urlSession]!)
            await measureClient({ try await eventLoopClient.get($0).status }, into: &costs[.eventLoop]!)
        }
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
    let clients: [IOClient] = [.urlSession, .eventLoop]
    cell.table("client-cost", "Each client alone, same server: medians of \(Settings.ioRounds) rounds",
               header: ["client", "one request, no delay", "\(Settings.pages) at once, no delay",
                        "\(Settings.pages) at once at \(Format.duration(Settings.delaySeconds)): first answer", "last answer"],
               rows: clients.map { client in
                   let cost = costs[client]!
                   return [client.name, Format.duration(median(cost.single)), Format.duration(median(cost.batch)),
                           Format.duration(median(cost.firstAnswer)), Format.duration(median(cost.lastAnswer))]
               })
    for client in clients {
        let cost = costs[client]!
        let key = "cost-\(client.key)"
        cell.value("\(key)-single", median(cost.single) * 1000, digits: 2, unit: "ms")
        cell.value("\(key)-batch", median(cost.batch) * 1000, digits: 1, unit: "ms")
        cell.value("\(key)-per-page", median(cost.batch) * 1000 / Double(Settings.pages), digits: 2, unit: "ms")
        cell.value("\(key)-first", median(cost.firstAnswer) * 1000, digits: 1, unit: "ms")
        cell.value("\(key)-last", median(cost.lastAnswer) * 1000, digits: 1, unit: "ms")
        cell.value("\(key)-tail", (median(cost.lastAnswer) - median(cost.firstAnswer)) * 1000, digits: 1, unit: "ms")
        cell.check(cost.failures == 0, "\(client.name): every request answered 200 (\(cost.failures) failed)")
    }
}
