import Foundation
import Loopback
import Notebook

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

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

// ANCHOR: exercise-1-checks
func checkConcurrentPages(_ cell: Cell, _ fetch: @escaping @Sendable (LoopbackClient) async throws -> [LoopbackClient.Response]) throws {
    try runToCompletion {
        try await withLoopbackServer { server in
            let client = LoopbackClient(server: server, maximumConnections: 10)
            defer { client.invalidate() }
            let start = ContinuousClock.now
            let pages = try await fetch(client)
            let elapsed = secondsSince(start)
            print("three pages in \(Format.duration(elapsed)) (ideal 0.10 s)")
            cell.check(pages.count == 3 && pages.allSatisfy { $0.status == 200 }, "all three pages arrived")
            cell.check(elapsed < 0.2, "three 100 ms pages took \(Format.duration(elapsed)): under 0.2 s means they overlapped")
        }
    }
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkHeartbeat(_ cell: Cell, _ job: @escaping @Sendable (Int) async -> Void) throws {
    try runToCompletion {
        let timeline = cell.timeline("exercise-heartbeat", "Heartbeat beside 8 jobs")
        let result = await heartbeatExperiment(jobs: 8, timeline: timeline, job: job)
        print("jobs took \(Format.duration(result.jobs)); worst heartbeat gap: \(Format.duration(result.worstGap)) (ideal 20 ms)")
        cell.check(result.jobs >= 0.099, "the jobs still take their 100 ms (\(Format.duration(result.jobs)) for all eight)")
        cell.check(result.worstGap < 0.06, "the worst heartbeat gap \(Format.duration(result.worstGap)) is under 60 ms")
    }
}
// ANCHOR_END: exercise-2-checks

/// What exercise 3's cache offers.
protocol PageCaching: Actor {
    init()
    func page(_ number: Int) async -> String
    var fetches: Int { get }
}

// ANCHOR: exercise-3-checks
func checkPageCache(_ cell: Cell, _ kind: any PageCaching.Type) throws {
    try runToCompletion {
        let cache = kind.init()
        let pages = await withTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { await cache.page(7) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let fetches = await cache.fetches
        print("ten concurrent requests for page 7 caused \(fetches) fetches")
        cell.check(pages.count == 10 && pages.allSatisfy { $0 == "page 7" }, "every caller got page 7")
        cell.check(fetches == 1, "one fetch for ten concurrent requests (was \(fetches))")
        let later = await cache.page(7)
        let fetchesAfter = await cache.fetches
        cell.check(later == "page 7" && fetchesAfter == 1, "a later request is served from the cache (fetches: \(fetchesAfter))")
    }
}
// ANCHOR_END: exercise-3-checks
