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

    /// Equal priority, told apart by who put it and when: `<` sees only `priority`.
    struct Tagged: Comparable, Sendable {
        let priority: Int, producer: Int, position: Int
        static func < (lhs: Tagged, rhs: Tagged) -> Bool { lhs.priority < rhs.priority }
        static func == (lhs: Tagged, rhs: Tagged) -> Bool { lhs.priority == rhs.priority }
    }

    @Test("equal elements come out in order of arrival, with a get running during the puts")
    func tiesFirstInFirstOut() {
        let queue = PriorityBlockingQueue<Tagged>()
        let taken = LockedValue<[Tagged]>([])
        let perProducer = 5_000, producers = 4
        let consumer = ThreadGroup.started(1) { _ in
            while let item = try? queue.get(timeout: .seconds(10)) { taken.withLock { $0.append(item) } }
        }
        #expect(ThreadGroup.started(producers) { producer in
            for position in 0..<perProducer {
                try! queue.put(Tagged(priority: position % 3, producer: producer, position: position))
            }
        }.join(timeout: .seconds(30)))
        queue.close()
        #expect(consumer.join(timeout: .seconds(30)))
        let all = taken.withLock { $0 }
        #expect(all.count == producers * perProducer)
        // One producer's puts are ordered; among its items of one priority, so are the gets.
        for group in Dictionary(grouping: all, by: { [$0.producer, $0.priority] }).values {
            let positions = group.map(\.position)
            #expect(positions == positions.sorted())
        }
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
