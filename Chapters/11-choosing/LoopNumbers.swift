import EventLoop
import Foundation
import Notebook

// ANCHOR: loop-numbers
/// One event loop serves a server and its clients at once: `pages` requests, each
/// answered after a timer of `delay`, beside `sleepers` tasks sleeping on the loop's timers.
func loopNumbers(_ cell: Cell) async throws {
    let pages = 200, sleepers = 1_000
    let threadsBefore = ProcessResources.of().threads
    let (ok, seconds, statistics, threadsDuring) = try await withEventLoop { loop in
        let server = try EventLoopServer(loop: loop)
        let serving = Task { await server.run() }
        let client = EventLoopHTTPClient(loop: loop, port: server.port)
        let start = ContinuousClock.now
        let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<sleepers {
                group.addTask { try await loop.sleep(for: .milliseconds(index % 100)); return false }
            }
            for index in 0..<pages {
                group.addTask { try await client.get("/page/\(index)?delay_ms=100").status == 200 }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let threads = ProcessResources.of().threads
        serving.cancel()
        await serving.value
        return (ok, seconds, loop.statistics, threads)
    }
    // ANCHOR_END: loop-numbers

    print("\(ok) of \(pages) pages answered 200, beside \(sleepers) sleeping tasks, in \(Format.duration(seconds))")
    print("the loop woke \(statistics.wakeUps) times for \(statistics.readyEvents) ready descriptors "
          + "and \(statistics.timersFired) timers; \(statistics.resumed) tasks resumed")
    cell.value("loop-pages", pages)
    cell.value("loop-sleepers", sleepers)
    cell.value("loop-seconds", seconds, digits: 3, unit: "s")
    cell.value("loop-wake-ups", statistics.wakeUps)
    cell.value("loop-ready-events", statistics.readyEvents)
    cell.value("loop-ready-per-wake-up", statistics.readyPerWakeUp)
    cell.value("loop-max-ready", statistics.maxReadyPerWakeUp)
    cell.value("loop-timers", statistics.timersFired)
    cell.value("loop-resumed", statistics.resumed)
    cell.value("loop-threads-before", text: threadsBefore.map(String.init) ?? "—")
    cell.value("loop-threads-during", text: threadsDuring.map(String.init) ?? "—")
    cell.check(ok == pages, "every page answered 200 (\(ok) of \(pages))")
    // Each server-side delay and each sleeper is one timer; none may be lost.
    cell.check(statistics.timersFired >= sleepers + pages,
               "\(statistics.timersFired) timers fired, at least \(sleepers) sleeps + \(pages) server delays")
    cell.check(seconds < 1.0, "it all overlapped: \(Format.duration(seconds)) < 1 s, against 0.1 s of the longest wait")
}
