#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The smallest scheduler there is: resumable jobs taking turns on one thread.
///
/// A queue of jobs ready to run, and a list of sleeping jobs with the time each wakes.
/// Take the first ready job, run one step, and put it back at the end of the queue (it
/// yielded), among the sleepers (it sleeps), or nowhere (it finished). When no job is
/// ready, the thread sleeps until the earliest sleeper's time. No job ever runs at the
/// same time as another, and a job that never pauses starves the others: this is
/// cooperative multitasking, the model of asyncio and of Swift's tasks.
// ANCHOR: round-robin
public struct RoundRobinScheduler {
    private var ready: [any ResumableJob] = []
    private var sleeping: [(wake: ContinuousClock.Instant, job: any ResumableJob)] = []

    public init() {}

    public mutating func spawn(_ job: some ResumableJob) { ready.append(job) }

    /// Runs every job to its end; `onStep` sees each step as it happens.
    public mutating func run(onStep: (String, JobStep) -> Void = { _, _ in }) {
        while !ready.isEmpty || !sleeping.isEmpty {
            // Sleepers whose time has come go to the back of the ready queue.
            let now = ContinuousClock.now
            ready += sleeping.filter { $0.wake <= now }.map(\.job)
            sleeping.removeAll { $0.wake <= now }
            guard !ready.isEmpty else {
                // Nothing to run: the thread sleeps until the first sleeper wakes.
                let first = sleeping.map(\.wake).min()!
                let (seconds, attoseconds) = (first - now).components
                var pause = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
                nanosleep(&pause, nil)
                continue
            }
            var job = ready.removeFirst()
            let step = job.resume()
            onStep(job.name, step)
            switch step {
            case .yield: ready.append(job)
            case .sleep(let duration): sleeping.append((ContinuousClock.now + duration, job))
            case .finished: break
            }
        }
    }
}
// ANCHOR_END: round-robin
