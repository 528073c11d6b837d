import Foundation
import Synchronization
import Testing
@testable import Primitives

@Suite("PriorityBlockingQueue")
struct PriorityBlockingQueueTests {
    @Test("items put from many threads come out largest first, each exactly once")
    func highestFirst() {
        let queue = PriorityBlockingQueue<Int>()
        #expect(ThreadGroup.started(8) { thread in
            for item in stride(from: thread, to: 20_000, by: 8) { try! queue.put(item) }
        }.join(timeout: .seconds(30)))
        queue.close()
        var out: [Int] = []
        while let item = try? queue.get() { out.append(item) }
        #expect(out == Array((0..<20_000).reversed()))
    }

    @Test("concurrent getters share the items: exactly once, and each getter sees descending order")
    func concurrentGetters() throws {
        let queue = PriorityBlockingQueue<Int>()
        for item in 0..<10_000 { try queue.put(item) }
        queue.close()
        let seen = LockedValue<[[Int]]>([])
        #expect(ThreadGroup.started(4) { _ in
            var mine: [Int] = []
            while let item = try? queue.get() { mine.append(item) }
            seen.withLock { $0.append(mine) }
        }.join(timeout: .seconds(30)))
        let lists = seen.withLock { $0 }
        #expect(lists.flatMap { $0 }.sorted() == Array(0..<10_000))
        for list in lists { #expect(list == list.sorted(by: >)) }
    }

    @Test("get blocks until an item arrives; get(timeout:) times out; close wakes getters")
    func blockingAndClose() throws {
        let queue = PriorityBlockingQueue<Int>()
        #expect(throws: BlockingQueueError.timedOut) { try queue.get(timeout: .milliseconds(20)) }
        let feeder = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.02)
            try? queue.put(42)
        }
        #expect(try queue.get(timeout: .seconds(5)) == 42)
        #expect(feeder.join(timeout: .seconds(5)))
        let closedCount = Atomic<Int>(0)
        let getters = ThreadGroup.started(4) { _ in
            if case .failure(.closed) = Result(catching: { () throws(BlockingQueueError) in try queue.get() }) {
                closedCount.wrappingAdd(1, ordering: .relaxed)
            }
        }
        Thread.sleep(forTimeInterval: 0.05)
        queue.close()
        #expect(getters.join(timeout: .seconds(5)))
        #expect(closedCount.load(ordering: .relaxed) == 4)
        #expect(throws: BlockingQueueError.closed) { try queue.put(1) }
    }
}
