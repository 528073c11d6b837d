import Foundation
import Primitives
import Testing

@Suite("PosixThread")
struct PosixThreadTests {
    @Test("join() returns what the thread's closure returned")
    func joinReturnsResult() throws {
        let worker = try PosixThread { (1...10).reduce(1, *) }
        #expect(worker.join() == 3_628_800)
    }

    @Test("the closure runs on another thread, not the joiner's")
    func runsOnAnotherThread() throws {
        let joiner = pthread_self()
        let worker = try PosixThread { pthread_equal(pthread_self(), joiner) != 0 }
        #expect(worker.join() == false)
    }

    @Test("join() waits until the thread has really finished its work")
    func joinWaits() throws {
        let start = ContinuousClock.now
        let worker = try PosixThread { Thread.sleep(forTimeInterval: 0.05); return "done" }
        #expect(worker.join() == "done")
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    @Test("200 threads, created in batches of 50 and each joined, return their own results")
    func manyThreads() throws {
        var results: [Int] = []
        for batch in 0..<4 {
            // A ~Copyable value cannot be stored in an Array: a batch lives in the stack
            // frames of a recursion instead, so that 50 threads are alive at once.
            results += try runBatch(from: batch * 50, count: 50)
        }
        #expect(results == (0..<200).map { $0 * 3 })
    }

    @Test("a thread dropped without join() is detached and still runs to the end")
    func droppedThreadIsDetached() throws {
        let done = DispatchSemaphore(value: 0)
        do {
            _ = try PosixThread { done.signal() }
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
    }

    /// Starts thread `first`, then (recursively) the rest of the batch, and joins them
    /// all in reverse order: every thread of the batch is alive at the same time.
    private func runBatch(from first: Int, count: Int) throws -> [Int] {
        guard count > 0 else { return [] }
        let worker = try PosixThread { first * 3 }
        let rest = try runBatch(from: first + 1, count: count - 1)
        return [worker.join()] + rest
    }
}
