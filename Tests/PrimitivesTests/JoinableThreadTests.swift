import Foundation
import Primitives
import Synchronization
import Testing

@Suite("JoinableThread")
struct JoinableThreadTests {
    @Test("join() waits for the closure and returns its result")
    func joinReturnsResult() {
        let worker = JoinableThread(name: "adder") { (1...100).reduce(0, +) }
        #expect(worker.join() == 5050)
        #expect(worker.isFinished)
        #expect(!worker.isExecuting)
    }

    @Test("every thread runs under the name it was given, even when it starts at once")
    func nameIsSetInsideTheThread() {
        // Naming a Foundation thread from its own first line races with start();
        // JoinableThread must never lose the name (seen losing it under TSan before the fix).
        let workers = (0..<300).map { i in JoinableThread(name: "named-\(i)") { Thread.current.name } }
        #expect(workers.map { $0.join() } == (0..<300).map { "named-\($0)" })
        #expect(workers.map(\.name) == (0..<300).map { "named-\($0)" })
    }

    @Test("join(timeout:) gives up while the thread runs, and succeeds once it ends")
    func joinWithTimeout() {
        let release = DispatchSemaphore(value: 0)
        let worker = JoinableThread(name: "held") { release.wait(); return 7 }
        #expect(worker.join(timeout: .milliseconds(20)) == nil)
        #expect(worker.isExecuting)
        #expect(!worker.isFinished)
        release.signal()
        #expect(worker.join(timeout: .seconds(10)) == 7)
        #expect(worker.isFinished)
    }

    @Test("several threads may join the same thread, and join twice")
    func manyJoiners() {
        let release = DispatchSemaphore(value: 0)
        let worker = JoinableThread(name: "joined-by-many") { release.wait(); return 42 }
        let joiners = (0..<8).map { i in JoinableThread(name: "joiner-\(i)") { worker.join() } }
        release.signal()
        #expect(joiners.map { $0.join() } == Array(repeating: 42, count: 8))
        #expect(worker.join() == 42)
        #expect(worker.join() == 42)
    }

    @Test("500 threads run at once and each is joined with its own result")
    func fiveHundredThreads() {
        let started = Tally()
        let threads = (0..<500).map { i in
            JoinableThread(name: "worker-\(i)", stackSize: 64 * 1024) {
                started.add()
                Thread.sleep(forTimeInterval: 0.001)
                return i * i
            }
        }
        let results = threads.map { $0.join() }
        #expect(results == (0..<500).map { $0 * $0 })
        #expect(threads.allSatisfy { $0.isFinished })
        #expect(started.count == 500)
    }

    @Test("a result written by the thread is fully visible after join()")
    func joinPublishesWrites() {
        let worker = JoinableThread(name: "builder") { (0..<10_000).map { $0 * 2 } }
        let numbers = worker.join()
        #expect(numbers.count == 10_000)
        #expect(numbers.last == 19_998)
    }

    #if os(Linux)
    @Test("a name longer than Linux keeps is cut to 15 bytes, and the thread carries the cut name")
    func longNameIsCut() {
        let thread = JoinableThread(name: "sixteen-chars-xx") { Thread.current.name }
        #expect(thread.name == "sixteen-chars-x")
        #expect(thread.join() == "sixteen-chars-x")
    }
    #endif

    @Test("applicableName keeps short names and cuts at a character boundary")
    func applicableName() {
        #expect(JoinableThread<Void>.applicableName("worker-1") == "worker-1")
        if let limit = JoinableThread<Void>.maximumNameBytes {
            let cut = JoinableThread<Void>.applicableName("thread-éééééééééé")
            #expect(cut.utf8.count <= limit)
            #expect("thread-éééééééééé".hasPrefix(cut))
            #expect(cut.utf8.count >= limit - 1)     // only a partial character is dropped
        }
    }
}

/// A thread-safe counter the tests' threads share.
final class Tally: Sendable {
    private let value = Atomic<Int>(0)
    func add() { value.wrappingAdd(1, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}
