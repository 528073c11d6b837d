import Foundation
import Synchronization
import Testing
@testable import Primitives

@Suite("BlockingQueue")
struct BlockingQueueTests {
    @Test("one thread: items come out in the order they went in")
    func fifoOrder() throws {
        let queue = BlockingQueue<Int>()
        for item in 0..<5_000 { try queue.put(item) }
        #expect(queue.count == 5_000)
        for expected in 0..<5_000 { #expect(try queue.get() == expected) }
        #expect(queue.count == 0)
    }

    @Test("8 producers x 8 consumers, 100,000 items: each delivered exactly once, capacity never exceeded")
    func exactlyOnceDelivery() {
        let producers = 8, consumers = 8, total = 100_000, capacity = 64
        let queue = BlockingQueue<Int>(capacity: capacity)
        let received = LockedValue<[[Int]]>(Array(repeating: [], count: consumers))
        let consumerGroup = ThreadGroup.started(consumers) { consumer in
            var mine: [Int] = []
            while let item = try? queue.get() { mine.append(item) }
            received.withLock { $0[consumer] = mine }
        }
        let producerGroup = ThreadGroup.started(producers) { producer in
            // Producer p puts p, p + 8, p + 16, ...: together exactly 0..<total.
            for item in stride(from: producer, to: total, by: producers) {
                try! queue.put(item)
            }
        }
        #expect(producerGroup.join(timeout: .seconds(30)))
        queue.close()
        #expect(consumerGroup.join(timeout: .seconds(30)))
        let all = received.withLock { $0.flatMap { $0 } }
        #expect(all.count == total)
        #expect(all.sorted() == Array(0..<total))
        #expect(queue.peakCount <= capacity)
        #expect(queue.peakCount >= 1)
    }

    @Test("the capacity bound holds for every capacity, and a full queue blocks its producer")
    func capacityNeverExceeded() {
        for capacity in [1, 2, 5, 17] {
            let queue = BlockingQueue<Int>(capacity: capacity)
            let consumed = Atomic<Int>(0)
            let consumers = ThreadGroup.started(3) { _ in
                while (try? queue.get()) != nil { consumed.wrappingAdd(1, ordering: .relaxed) }
            }
            #expect(ThreadGroup.started(4) { _ in for item in 0..<2_000 { try! queue.put(item) } }.join(timeout: .seconds(30)))
            queue.close()
            #expect(consumers.join(timeout: .seconds(30)))
            #expect(consumed.load(ordering: .relaxed) == 8_000)
            #expect(queue.peakCount <= capacity, "capacity \(capacity), peak \(queue.peakCount)")
        }
        // With nobody consuming, the producer stops at the bound.
        let full = BlockingQueue<Int>(capacity: 3)
        for item in 0..<3 { try? full.put(item) }
        #expect(throws: BlockingQueueError.timedOut) { try full.put(99, timeout: .milliseconds(20)) }
        #expect(full.count == 3)
    }

    @Test("close wakes every blocked getter and putter; queued items are still drained")
    func closeWakesEveryone() throws {
        let empty = BlockingQueue<Int>()
        let full = BlockingQueue<Int>(capacity: 1)
        try full.put(7)
        let getterErrors = LockedValue<[BlockingQueueError]>([])
        let putterErrors = LockedValue<[BlockingQueueError]>([])
        let getters = ThreadGroup.started(5) { _ in
            do throws(BlockingQueueError) { _ = try empty.get() } catch { getterErrors.withLock { $0.append(error) } }
        }
        let putters = ThreadGroup.started(5) { item in
            do throws(BlockingQueueError) { try full.put(item) } catch { putterErrors.withLock { $0.append(error) } }
        }
        Thread.sleep(forTimeInterval: 0.1)   // let them all block
        #expect(getterErrors.withLock { $0.isEmpty } && putterErrors.withLock { $0.isEmpty })
        empty.close()
        full.close()
        #expect(getters.join(timeout: .seconds(5)))
        #expect(putters.join(timeout: .seconds(5)))
        #expect(getterErrors.withLock { $0 } == Array(repeating: .closed, count: 5))
        #expect(putterErrors.withLock { $0 } == Array(repeating: .closed, count: 5))
        // The item put before close is still handed out, then the queue reports closed.
        #expect(try full.get() == 7)
        #expect(throws: BlockingQueueError.closed) { try full.get() }
        #expect(throws: BlockingQueueError.closed) { try full.put(8) }
        #expect(full.isClosed)
    }

    @Test("get(timeout:) and put(_:timeout:) give up after about the timeout")
    func timeoutsHonoured() throws {
        let queue = BlockingQueue<Int>(capacity: 1)
        for timeout in [10, 50, 100] {
            let start = ContinuousClock.now
            #expect(throws: BlockingQueueError.timedOut) { try queue.get(timeout: .milliseconds(timeout)) }
            let waited = ContinuousClock.now - start
            #expect(waited >= .milliseconds(timeout) - .milliseconds(2), "waited \(waited) for \(timeout) ms")
            #expect(waited < .milliseconds(timeout) + .milliseconds(500), "waited \(waited) for \(timeout) ms")
        }
        try queue.put(1)
        let start = ContinuousClock.now
        #expect(throws: BlockingQueueError.timedOut) { try queue.put(2, timeout: .milliseconds(50)) }
        #expect(ContinuousClock.now - start >= .milliseconds(48))
    }

    @Test("get(timeout:) returns an item that arrives before the deadline")
    func timedGetReceives() throws {
        let queue = BlockingQueue<String>()
        let feeder = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.03)
            try? queue.put("late but in time")
        }
        let start = ContinuousClock.now
        #expect(try queue.get(timeout: .seconds(5)) == "late but in time")
        #expect(ContinuousClock.now - start < .seconds(4))
        #expect(feeder.join(timeout: .seconds(5)))
    }

    @Test("put(_:timeout:) succeeds when a getter frees a slot before the deadline")
    func timedPutSucceeds() throws {
        let queue = BlockingQueue<Int>(capacity: 1)
        try queue.put(1)
        let getter = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.03)
            _ = try? queue.get()
        }
        try queue.put(2, timeout: .seconds(5))
        #expect(getter.join(timeout: .seconds(5)))
        #expect(try queue.get() == 2)
        #expect(queue.peakCount == 1)
    }

    @Test("join() returns only after every item got its taskDone()")
    func taskDoneAndJoin() {
        let queue = BlockingQueue<Int>(capacity: 10)
        let processed = Atomic<Int>(0)
        let workers = ThreadGroup.started(4) { _ in
            while (try? queue.get()) != nil {
                usleep(50)   // the "work"
                processed.wrappingAdd(1, ordering: .relaxed)
                queue.taskDone()
            }
        }
        for item in 0..<1_000 { try! queue.put(item) }
        queue.join()
        // Every taskDone() came after its increment, so join() saw all 1,000.
        #expect(processed.load(ordering: .relaxed) == 1_000)
        #expect(queue.unfinishedTasks == 0)
        #expect(queue.join(timeout: .milliseconds(10)))
        queue.close()
        #expect(workers.join(timeout: .seconds(5)))
    }

    @Test("join(timeout:) reports unfinished work")
    func joinTimesOut() throws {
        let queue = BlockingQueue<Int>()
        try queue.put(1)
        _ = try queue.get()
        #expect(!queue.join(timeout: .milliseconds(20)))
        #expect(queue.unfinishedTasks == 1)
        queue.taskDone()
        #expect(queue.join(timeout: .milliseconds(20)))
    }
}
