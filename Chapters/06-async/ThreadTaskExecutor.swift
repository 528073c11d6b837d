import Foundation

// ANCHOR: thread-task-executor
/// A task executor (SE-0417) backed by threads of its own. Work that blocks, run under
/// `withTaskExecutorPreference(executor) { ... }`, blocks these threads, never the
/// cooperative pool's.
final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: `jobs` and `stopping` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false

    init(threads: Int, name: String) {
        for index in 1...threads {
            let thread = Thread { [self] in runJobs() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Called by the runtime for every job (a piece of a task between two suspensions).
    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once no job is left. Enqueue nothing after this.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            guard !jobs.isEmpty else { condition.unlock(); return }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
// ANCHOR_END: thread-task-executor
