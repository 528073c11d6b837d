import Foundation
import Notebook
import Primitives

// ANCHOR: discarding-server
/// A server's accept loop in miniature: one child per incoming connection, for as long as
/// connections arrive. Nobody wants the children's results, so a discarding group
/// frees each child as soon as it ends instead of keeping its result for a `next()`.
func serve(_ connections: AsyncChannel<Int>, served: SharedList<Int>) async {
    await withDiscardingTaskGroup { group in
        for await connection in connections {
            group.addTask {
                try? await Task.sleep(for: .milliseconds(connection % 7))  // handle the request
                served.append(connection)
            }
        }
    }  // returns when the channel is closed and every handler has ended
}
// ANCHOR_END: discarding-server

func discardingGroups(_ cell: Cell) async throws {
    let count = 500
    let served = SharedList<Int>()
    let connections = AsyncChannel<Int>(capacity: 16)
    let start = ContinuousClock.now
    // ANCHOR: discarding-run
    async let server: Void = serve(connections, served: served)
    for connection in 1...count { try await connections.send(connection) }
    connections.close()
    await server
    // ANCHOR_END: discarding-run
    print("served \(served.count) of \(count) connections in \(Format.duration(secondsSince(start)))")
    cell.value("served", served.count)
    cell.check(Set(served.all) == Set(1...count) && served.count == count,
               "every connection was handled exactly once, and all had ended when serve returned")

    // ANCHOR: discarding-throws
    let failureStart = ContinuousClock.now
    var failureTime = 0.0
    let siblings = SharedList<String>()
    do {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                try await Task.sleep(for: .milliseconds(30))
                throw BrokenPage(page: 9)
            }
            for sibling in 1...3 {
                group.addTask {
                    do { try await Task.sleep(for: .milliseconds(500)) } catch {
                        siblings.append("sibling \(sibling) cancelled")
                        throw error
                    }
                }
            }
        }
    } catch {
        failureTime = secondsSince(failureStart)
        print("withThrowingDiscardingTaskGroup threw \(error) after \(Format.duration(failureTime))")
    }
    // ANCHOR_END: discarding-throws
    print(siblings.all.sorted().joined(separator: ", "))
    cell.value("discarding-failure-time", failureTime, digits: 3, unit: "s")
    cell.check(siblings.count == 3, "a failing child cancelled its three siblings, with no loop over the group")
    cell.check(failureTime >= 0.03 && failureTime < 0.25, "the group ended after \(seconds: failureTime), not after the 500 ms siblings")
}
