import Foundation
import Synchronization
import Testing
@testable import Primitives

/// A million operations or more in total over every primitive the book builds, from
/// many threads and tasks at once. The thread-based tests run on a thread of their own
/// (`onOwnThread`), not on the test runner's task pool, which they would block for
/// seconds under ThreadSanitizer while async tests beside them wait for a thread. Each test checks what must hold in every interleaving:
/// nothing lost, nothing duplicated, no bound exceeded. `make tsan` runs them under
/// ThreadSanitizer too.
@Suite("A million operations, many threads", .serialized)
struct MillionOperationStressTests {
    /// Counts each of `count` items as it is seen, to prove exactly-once delivery.
    final class Tally: Sendable {
        private let seen: Locked<[UInt8]>
        init(_ count: Int) { seen = Locked(Array(repeating: 0, count: count)) }
        func record(_ item: Int) { seen.withLock { $0[item] &+= 1 } }
        var allExactlyOnce: Bool { seen.withLock { $0.allSatisfy { $0 == 1 } } }
    }

    /// How many are inside a guarded region now, and the most there ever were.
    final class Occupancy: Sendable {
        private let inside = Atomic<Int>(0)
        private let peak = Atomic<Int>(0)
        func enter() { peak.max(inside.wrappingAdd(1, ordering: .acquiring).newValue, ordering: .relaxed) }
        func leave() { inside.wrappingSubtract(1, ordering: .releasing) }
        var most: Int { peak.load(ordering: .relaxed) }
    }

    /// A counter shared by threads and tasks.
    final class Count: Sendable {
        private let value = Atomic<Int>(0)
        func add() { value.wrappingAdd(1, ordering: .relaxed) }
        var total: Int { value.load(ordering: .relaxed) }
    }

    @Test("BlockingQueue: 4 producers, 4 consumers, 250,000 items (500,000 puts and gets)")
    func blockingQueue() async throws {
        await onOwnThread {
            let items = 250_000, producers = 4, consumers = 4
            let queue = BlockingQueue<Int>(capacity: 64)
            let tally = Tally(items)
            let consuming = ThreadGroup.started(consumers) { _ in
                while let item = try? queue.get() { tally.record(item) }
            }
            ThreadGroup.run(producers) { producer in
                for item in stride(from: producer, to: items, by: producers) { try? queue.put(item) }
            }
            queue.close()
            consuming.join()
            #expect(tally.allExactlyOnce)
            #expect(queue.peakCount <= 64)
        }
    }

    @Test("PriorityBlockingQueue: 4 producers, 4 consumers, 100,000 items")
    func priorityQueue() async throws {
        await onOwnThread {
            let items = 100_000
            let queue = PriorityBlockingQueue<Int>()
            let tally = Tally(items)
            let consuming = ThreadGroup.started(4) { _ in
                while let item = try? queue.get() { tally.record(item) }
            }
            ThreadGroup.run(4) { producer in
                for item in stride(from: producer, to: items, by: 4) { try? queue.put(item) }
            }
            queue.close()
            consuming.join()
            #expect(tally.allExactlyOnce)
        }
    }

    @Test("Promise and Future: 50,000 futures, each raced by 2 completers, 2 callbacks")
    func futures() async throws {
        try await onOwnThread {
            let count = 50_000
            let winners = Count(), callbacks = Count()
            let promises = (0..<count).map { _ in Promise<Int>() }
            for promise in promises {
                promise.future.onCompletion { _ in callbacks.add() }
            }
            ThreadGroup.run(4) { thread in
                for (index, promise) in promises.enumerated() where index % 2 == thread % 2 {
                    if promise.succeed(thread) { winners.add() }
                    if thread < 2 { promise.future.onCompletion { _ in callbacks.add() } }
                }
            }
            #expect(winners.total == count)             // each completed exactly once
            #expect(callbacks.total == 2 * count)       // each callback ran exactly once
            let values = try promises.map { try $0.future.result() }
            #expect(values.allSatisfy { (0..<4).contains($0) })
        }
    }

    @Test("ThreadPoolExecutor: map over 200,000 inputs on 8 workers, in input order")
    func executor() async throws {
        try await onOwnThread {
            let results = try withThreadPool(workers: 8) { pool in
                try pool.map(0..<200_000) { $0 * 2 }
            }
            #expect(results == (0..<200_000).map { $0 * 2 })
        }
    }

    @Test("BoundedSemaphore: 8 threads, 200,000 acquire/release pairs, never more than 3 inside")
    func boundedSemaphore() async throws {
        await onOwnThread {
            let semaphore = BoundedSemaphore(limit: 3)
            let room = Occupancy(), overReleases = Count()
            ThreadGroup.run(8) { _ in
                for _ in 0..<25_000 {
                    semaphore.acquire()
                    room.enter()
                    room.leave()
                    do { try semaphore.release() } catch { overReleases.add() }
                }
            }
            #expect(room.most <= 3)
            #expect(overReleases.total == 0)
            #expect(semaphore.availablePermits == 3)
        }
    }

    @Test("Locked: 8 threads, 1,000,000 increments in all, none lost")
    func locked() async throws {
        await onOwnThread {
            let counter = Locked(0)
            ThreadGroup.run(8) { _ in
                for _ in 0..<125_000 { counter.withLock { $0 += 1 } }
            }
            #expect(counter.withLock { $0 } == 1_000_000)
        }
    }

    @Test("AsyncSemaphore: 1,000 tasks, 100,000 permits taken and given back, never more than 10 holders")
    func asyncSemaphore() async throws {
        let semaphore = AsyncSemaphore(permits: 10)
        let room = Occupancy()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<1_000 {
                group.addTask {
                    for _ in 0..<100 {
                        try await semaphore.wait()
                        room.enter()
                        await Task.yield()   // hold the permit across a suspension
                        room.leave()
                        semaphore.signal()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(room.most <= 10)
        #expect(semaphore.availablePermits == 10)
    }

    @Test("AsyncChannel: 4 senders, 4 receivers, 100,000 items through a buffer of 16")
    func asyncChannel() async throws {
        let items = 100_000
        let channel = AsyncChannel<Int>(capacity: 16)
        let tally = Tally(items)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for await item in channel { tally.record(item) } }
            }
            try await withThrowingTaskGroup(of: Void.self) { senders in
                for sender in 0..<4 {
                    senders.addTask { for item in stride(from: sender, to: items, by: 4) { try await channel.send(item) } }
                }
                try await senders.waitForAll()
            }
            channel.close()
            try await group.waitForAll()
        }
        #expect(tally.allExactlyOnce)
    }
}
