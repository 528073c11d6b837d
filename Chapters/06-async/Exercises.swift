import Foundation
import Loopback
import Notebook

/// Exercises are synchronous functions (the notebook runs them directly); this runs an
/// async body to completion on the task pool and waits for it.
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = ErrorBox()
    Task.detached {
        do { try await body() } catch { failure.set(error) }
        done.signal()
    }
    done.wait()
    if let error = failure.error { throw error }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}

// ANCHOR: exercise-1
/// Exercise 1: fetch three pages concurrently. The starter fetches them one after the
/// other (about 0.30 s); use `async let` or a task group to bring it near 0.10 s.
func exerciseConcurrentPages(_ cell: Cell) throws {
    try runToCompletion {
        try await withLoopbackServer { server in
            let client = LoopbackClient(server: server, maximumConnections: 10)
            defer { client.invalidate() }
            let start = ContinuousClock.now
            // TODO: start all three requests before awaiting any of them.
            let first = try await client.get("/page/1?delay_ms=100")
            let second = try await client.get("/page/2?delay_ms=100")
            let third = try await client.get("/page/3?delay_ms=100")
            let elapsed = secondsSince(start)
            print("three pages in \(Format.duration(elapsed)) (ideal 0.10 s)")
            cell.check([first, second, third].allSatisfy { $0.status == 200 }, "all three pages arrived")
            cell.check(elapsed < 0.2, "three 100 ms pages took \(elapsed) s: under 0.2 s means they overlapped")
        }
    }
}
// ANCHOR_END: exercise-1

// ANCHOR: exercise-2
/// Exercise 2: the jobs below block the task pool and the heartbeat starves. Change the
/// job (not the heartbeat) so that the worst gap stays under 60 ms.
func exerciseHeartbeat(_ cell: Cell) throws {
    try runToCompletion {
        let timeline = cell.timeline("exercise-heartbeat", "Heartbeat beside 8 jobs")
        let result = await heartbeatExperiment(jobs: 8, timeline: timeline) { _ in
            _ = usleep(100_000)  // TODO: this blocks a pool thread
        }
        print("worst heartbeat gap: \(Format.duration(result.worstGap)) (ideal 20 ms)")
        cell.check(result.worstGap < 0.06, "the worst heartbeat gap \(result.worstGap) s is under 60 ms")
    }
}
// ANCHOR_END: exercise-2

// ANCHOR: exercise-3
/// Exercise 3: this cache fetches each key at most once... or so it hopes. Ten tasks ask
/// for the same key at once and it fetches ten times. Make concurrent callers share one
/// fetch (hint: store the in-progress `Task` in the dictionary, not only the result).
actor PageCache {
    private var pages: [Int: String] = [:]
    private(set) var fetches = 0

    func page(_ number: Int) async -> String {
        if let page = pages[number] { return page }
        fetches += 1
        try? await Task.sleep(for: .milliseconds(50))  // the slow fetch: the actor is re-entered here
        let page = "page \(number)"
        pages[number] = page
        return page
    }
}

func exercisePageCache(_ cell: Cell) throws {
    try runToCompletion {
        let cache = PageCache()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { _ = await cache.page(7) } }
        }
        let fetches = await cache.fetches
        print("ten concurrent requests for page 7 caused \(fetches) fetches")
        cell.check(fetches == 1, "one fetch for ten concurrent requests (was \(fetches))")
    }
}
// ANCHOR_END: exercise-3
