import Foundation
import Primitives
import Notebook
import Synchronization

// ANCHOR: heartbeat
/// A task that wants to wake every `interval` and records how late each wake-up is. Its
/// worst gap tells how long the task pool kept it from running.
final class Heartbeat: Sendable {
    let interval: Duration
    private let gaps = Locked<[Double]>([])
    private let running = Atomic<Bool>(true)

    init(interval: Duration) { self.interval = interval }

    func run(on timeline: Timeline) async {
        var last = ContinuousClock.now
        while running.load(ordering: .relaxed) {
            // A cancelled heartbeat stops. (`try? await Task.sleep` would swallow the
            // cancellation: every later sleep returns at once, and the loop spins.)
            do { try await Task.sleep(for: interval) } catch { return }
            let now = ContinuousClock.now
            timeline.record(lane: "heartbeat", label: "beat", from: last, to: now)
            gaps.withLock { $0.append((now - last).seconds) }
            last = now
        }
    }

    func stop() { running.store(false, ordering: .relaxed) }
    var worstGap: Double { gaps.withLock { $0.max() ?? 0 } }
}
// ANCHOR_END: heartbeat

/// Runs `jobs` jobs at once beside a 20 ms heartbeat; returns the jobs' wall time and the
/// heartbeat's worst gap.
func heartbeatExperiment(jobs: Int, timeline: Timeline,
                         job: @escaping @Sendable (Int) async -> Void) async -> (jobs: Double, worstGap: Double) {
    let heartbeat = Heartbeat(interval: .milliseconds(20))
    async let beating: Void = heartbeat.run(on: timeline)
    try? await Task.sleep(for: .milliseconds(60))
    let start = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for index in 1...jobs {
            group.addTask {
                let begin = ContinuousClock.now
                await job(index)
                timeline.record(lane: "job \(index)", label: "job", from: begin, to: .now)
            }
        }
    }
    let jobsTime = secondsSince(start)
    try? await Task.sleep(for: .milliseconds(60))
    heartbeat.stop()
    await beating
    return (jobsTime, heartbeat.worstGap)
}

// ANCHOR: off-the-pool
/// Runs blocking `work` on a thread of its own and suspends the task until it is done:
/// the cooperative pool's threads stay free for other tasks.
func runOffThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
// ANCHOR_END: off-the-pool

func starvation(_ cell: Cell) async {
    // The CPUs this process may run on, which is what libdispatch sizes the pool by on
    // Linux (`activeProcessorCount` counts every CPU online, whatever the affinity).
    let cores = UsableCores.allowedByAffinity
    let jobs = 2 * cores
    print("\(cores) cores, so the task pool has \(cores) threads; \(jobs) jobs of 100 ms each\n")

    // ANCHOR: blocking
    let blocked = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("blocking", "usleep in tasks: the heartbeat stops")) { _ in
        _ = usleep(100_000)  // blocks the pool thread for 100 ms; compiles without a warning
    }
    // ANCHOR_END: blocking
    // ANCHOR: fixed
    let suspended = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("suspending", "Task.sleep in tasks: the heartbeat keeps time")) { _ in
        try? await Task.sleep(for: .milliseconds(100))  // suspends: the thread runs other tasks
    }
    let offPool = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("off-pool", "usleep moved to threads of its own")) { _ in
        await runOffThePool { _ = usleep(100_000) }
    }
    // ANCHOR_END: fixed
    // ANCHOR: executor-preference
    let executor = ThreadTaskExecutor(threads: jobs, name: "blocking")
    let onExecutor = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("executor", "usleep under withTaskExecutorPreference")) { _ in
        await withTaskExecutorPreference(executor) {
            _ = usleep(100_000)  // blocks one of the executor's threads, not the pool
        }
    }
    executor.stop()
    // ANCHOR_END: executor-preference
    let beforeComputing = CPUSnapshot.now()   // how busy other programs keep the machine meanwhile
    // ANCHOR: cpu-bound
    let computing = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("computing", "100 ms of computation in each task")) { _ in
        compute(for: .milliseconds(100))  // no await: holds its pool thread throughout
    }
    let yielding = await heartbeatExperiment(jobs: jobs, timeline: cell.timeline("yielding", "the same computation, yielding every 10 ms")) { _ in
        for _ in 1...10 {
            compute(for: .milliseconds(10))
            await Task.yield()  // lets the tasks waiting for a thread, the heartbeat among them, run
        }
    }
    // ANCHOR_END: cpu-bound
    // `compute` counts this thread's CPU time, so each job is the same work however busy
    // the machine is; what other programs take shows only in the wall times, said here.
    let busyElsewhere = beforeComputing.flatMap { CPUSnapshot.now()?.coresBusyElsewhere(since: $0) }
    let coresLeft = busyElsewhere.map { CPUSnapshot.coresLeft(of: cores, busyElsewhere: $0) }
    if let busyElsewhere, let coresLeft {
        print("while the jobs computed, other programs kept \(Format.number(busyElsewhere, digits: 1)) of \(cores) cores busy: \(Format.number(coresLeft, digits: 1)) were left for them\n")
    }

    // Sleeping jobs could all run at once (ideal: one job, 100 ms); computing jobs need a
    // core each, so `jobs` of them on `cores` cores take jobs / cores rounds.
    let sleepIdeal = 0.1, computeIdeal = 0.1 * Double(jobs) / Double(cores)
    let rows: [(name: String, result: (jobs: Double, worstGap: Double), ideal: Double)] = [
        ("usleep inside tasks (blocking)", blocked, sleepIdeal),
        ("Task.sleep (suspending)", suspended, sleepIdeal),
        ("usleep on its own thread", offPool, sleepIdeal),
        ("usleep on a TaskExecutor's threads", onExecutor, sleepIdeal),
        ("100 ms of computation, no await", computing, computeIdeal),
        ("the same in 10 ms slices with Task.yield()", yielding, computeIdeal),
    ]
    for row in rows {
        print("\(row.name): jobs took \(seconds: row.result.jobs) (ideal \(seconds: row.ideal)), worst heartbeat gap \(seconds: row.result.worstGap) (ideal 20 ms)")
    }
    cell.table("starvation-table", "\(jobs) jobs of 100 ms beside a 20 ms heartbeat",
               header: ["jobs do", "jobs' wall time", "ideal", "worst heartbeat gap", "ideal"],
               rows: rows.map { [$0.name, Format.duration($0.result.jobs), Format.duration($0.ideal),
                                 Format.duration($0.result.worstGap), "20 ms"] })
    cell.value("starvation-cores", cores)
    cell.value("starvation-jobs", jobs)
    cell.value("blocked-jobs-time", blocked.jobs, digits: 3, unit: "s")
    cell.value("blocked-worst-gap", blocked.worstGap * 1000, digits: 0, unit: "ms")
    cell.value("suspended-jobs-time", suspended.jobs, digits: 3, unit: "s")
    cell.value("suspended-worst-gap", suspended.worstGap * 1000, digits: 0, unit: "ms")
    cell.value("offpool-jobs-time", offPool.jobs, digits: 3, unit: "s")
    cell.value("offpool-worst-gap", offPool.worstGap * 1000, digits: 0, unit: "ms")
    cell.value("executor-jobs-time", onExecutor.jobs, digits: 3, unit: "s")
    cell.value("executor-worst-gap", onExecutor.worstGap * 1000, digits: 0, unit: "ms")
    cell.value("computing-worst-gap", seconds: computing.worstGap)
    cell.value("yielding-worst-gap", seconds: yielding.worstGap)
    cell.value("computing-jobs-time", seconds: computing.jobs)
    cell.value("yielding-jobs-time", seconds: yielding.jobs)
    cell.value("compute-ideal", seconds: computeIdeal)
    cell.value("computing-busy-elsewhere", text: busyElsewhere.map { Format.number($0, digits: 1) } ?? "an unknown number")
    cell.value("computing-cores-left", text: coresLeft.map { Format.number($0, digits: 1) } ?? "an unknown number")
    cell.check(computing.worstGap >= 0.09,
               "computing without an await, the tasks kept the heartbeat waiting like blocking ones (\(seconds: computing.worstGap))")
    // Wide margin: on an idle machine the yielding gap is far smaller still; a loaded one
    // stretches both.
    cell.check(yielding.worstGap < 0.8 * computing.worstGap,
               "yielding every 10 ms kept the worst gap well below the unbroken computation's (\(seconds: yielding.worstGap) vs \(seconds: computing.worstGap))")
    cell.check(blocked.jobs >= 0.2, "\(jobs) blocking jobs on \(cores) threads took at least 2 x 100 ms (\(seconds: blocked.jobs))")
    cell.check(blocked.worstGap >= 0.09, "blocked, the heartbeat missed at least one 100 ms job's worth (\(seconds: blocked.worstGap))")
    cell.check(suspended.worstGap < 0.5 * blocked.worstGap && offPool.worstGap < 0.5 * blocked.worstGap
                   && onExecutor.worstGap < 0.5 * blocked.worstGap,
               "all three fixes keep the worst gap under half the blocked one (\(seconds: suspended.worstGap), \(seconds: offPool.worstGap), \(seconds: onExecutor.worstGap) vs \(seconds: blocked.worstGap))")
}
