import Foundation
import Notebook
import Primitives

/// Runs `jobs` jobs of `length`, each starting when `gate` lets it; records spans and the
/// number running at once.
func runJobs(_ jobs: Int, length: Duration, timeline: Timeline,
             gate: @escaping @Sendable (_ job: @Sendable () async -> Void) async -> Void)
    async -> (seconds: Double, maxRunning: Int, starts: [Double]) {
    let running = Occupancy()
    let origin = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for job in 1...jobs {
            group.addTask {
                await gate {
                    let start = ContinuousClock.now
                    running.enter()
                    try? await Task.sleep(for: length)
                    running.leave(stayedFrom: start)
                    timeline.record(lane: "job \(job)", label: "job", from: start, to: .now)
                }
            }
        }
    }
    let starts = running.starts.map { ($0 - origin).seconds }.sorted()
    return ((ContinuousClock.now - origin).seconds, running.peak, starts)
}

func rateVersusConcurrency(_ cell: Cell) async {
    let jobs = 8, length = Duration.milliseconds(150)
    // ANCHOR: rate-vs-concurrency
    let limiter = RateLimiter(perSecond: 20)  // one start every 50 ms
    let rated = await runJobs(jobs, length: length, timeline: cell.timeline("rate", "Rate limit: 20 starts per second")) { job in
        // A cancelled caller gets an error, never an early start.
        guard (try? await limiter.waitForTurn()) != nil else { return }
        await job()
    }
    let permits = AsyncSemaphore(permits: 2)  // at most 2 running
    let limited = await runJobs(jobs, length: length, timeline: cell.timeline("concurrency", "Concurrency limit: 2 at a time")) { job in
        try? await permits.withPermit { await job() }
    }
    // ANCHOR_END: rate-vs-concurrency
    let rateIdeal = Double(jobs - 1) * 0.05 + length.seconds
    let concurrencyIdeal = Double((jobs + 1) / 2) * length.seconds
    let startsText = { (starts: [Double]) in starts.map { Format.number($0 * 1000, digits: 0) }.joined(separator: ", ") }
    print("rate limit:        starts at \(startsText(rated.starts)) ms")
    print("concurrency limit: starts at \(startsText(limited.starts)) ms")
    cell.table("rate-table", "\(jobs) jobs of 150 ms", header: ["limit", "total time", "ideal", "most running at once"], rows: [
        ["20 starts per second", Format.duration(rated.seconds), Format.duration(rateIdeal), "\(rated.maxRunning)"],
        ["2 at a time", Format.duration(limited.seconds), Format.duration(concurrencyIdeal), "\(limited.maxRunning)"],
    ])
    cell.value("rate-time", rated.seconds, digits: 2, unit: "s")
    cell.value("rate-ideal", rateIdeal, digits: 2, unit: "s")
    cell.value("rate-running", rated.maxRunning)
    cell.value("concurrency-time", limited.seconds, digits: 2, unit: "s")
    cell.value("concurrency-ideal", concurrencyIdeal, digits: 2, unit: "s")
    cell.value("concurrency-running", limited.maxRunning)
    let spaced = rated.starts.enumerated().allSatisfy { index, start in start >= Double(index) * 0.05 - 1e-6 }
    cell.check(spaced, "under the rate limit, the k-th start came no earlier than k x 50 ms")
    cell.check(limited.maxRunning <= 2, "under the concurrency limit, at most 2 ran at once (\(limited.maxRunning))")
    cell.check(rated.maxRunning >= 2, "the rate limit alone let \(rated.maxRunning) run at once: it does not bound concurrency")
}
