import Foundation
import Synchronization

/// The next job index, handed out once to whichever thread asks first.
final class JobCounter: Sendable {
    private let next = Atomic<Int>(0)
    let count: Int

    init(count: Int) { self.count = count }

    /// The next index, or `nil` when every job has been taken.
    func take() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}

// ANCHOR: worker-threads
/// Runs `job(0)`, `job(1)`, ..., `job(count - 1)` on `threads` threads, each taking the
/// next index as soon as it is free, and returns when all are done: the heart of a
/// thread pool (Python's `ThreadPoolExecutor(max_workers=threads).map`; chapter 05
/// builds a complete executor around it).
func onWorkerThreads(_ threads: Int, count: Int, _ job: @escaping @Sendable (Int) -> Void) {
    let counter = JobCounter(count: count)
    let finished = DispatchGroup()
    for _ in 0..<threads {
        finished.enter()
        Thread {
            while let index = counter.take() { job(index) }
            finished.leave()
        }.start()
    }
    finished.wait()
}
// ANCHOR_END: worker-threads
