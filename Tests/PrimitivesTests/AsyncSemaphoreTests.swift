import Synchronization
import Testing
@testable import Primitives

struct AsyncSemaphoreTests {
    /// Waits (politely) until `condition` holds, failing the test after 5 s.
    private func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "condition never became true")
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test func neverMoreThanNHoldersUnderStress() async throws {
        let semaphore = AsyncSemaphore(permits: 10)
        let gauge = OccupancyGauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5_000 {
                group.addTask {
                    try await semaphore.withPermit {
                        gauge.enter()
                        await Task.yield()
                        gauge.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(gauge.total == 5_000)
        #expect(gauge.maximum <= 10)
        #expect(gauge.maximum >= 1)
        #expect(semaphore.availablePermits == 10)
        #expect(semaphore.waitingCount == 0)
    }

    @Test func waitersAreServedInFIFOOrder() async throws {
        let semaphore = AsyncSemaphore(permits: 0)
        let order = SharedLog<Int>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try await semaphore.wait()
                    order.append(index)
                }
                // Queue the waiters one by one, so the queue order is known.
                try await eventually { semaphore.waitingCount == index + 1 }
            }
            for served in 1...8 {
                semaphore.signal()
                try await eventually { order.count == served }
            }
            try await group.waitForAll()
        }
        #expect(order.all == Array(0..<8))
    }

    @Test func aCancelledWaiterLeavesTheQueueWithoutAPermit() async throws {
        let semaphore = AsyncSemaphore(permits: 0)
        let waiter = Task { try await semaphore.wait() }
        try await eventually { semaphore.waitingCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(semaphore.waitingCount == 0)
        semaphore.signal()
        #expect(semaphore.availablePermits == 1, "the permit was not consumed by the cancelled waiter")
    }

    @Test func cancellingAMiddleWaiterKeepsTheOthersInOrder() async throws {
        let semaphore = AsyncSemaphore(permits: 0)
        let served = SharedLog<String>()
        let first = Task { try await semaphore.wait(); served.append("first") }
        try await eventually { semaphore.waitingCount == 1 }
        let middle = Task { try await semaphore.wait(); served.append("middle") }
        try await eventually { semaphore.waitingCount == 2 }
        let last = Task { try await semaphore.wait(); served.append("last") }
        try await eventually { semaphore.waitingCount == 3 }
        middle.cancel()
        await #expect(throws: CancellationError.self) { try await middle.value }
        semaphore.signal()
        try await first.value
        semaphore.signal()
        try await last.value
        #expect(served.all == ["first", "last"])
        #expect(semaphore.availablePermits == 0)
    }

    @Test func anAlreadyCancelledTaskDoesNotTakeAFreePermit() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await semaphore.wait()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(semaphore.availablePermits == 1)
    }

    @Test func cancellationRacingWithSignalNeverLosesAPermit() async throws {
        // Many waiters, half cancelled while signals arrive: every permit ends up either
        // held by a waiter that got through, or back in the semaphore.
        let semaphore = AsyncSemaphore(permits: 0)
        let acquired = OccupancyGauge()
        let waiters = (0..<400).map { _ in
            Task {
                do {
                    try await semaphore.wait()
                    acquired.enter()
                } catch {}
            }
        }
        for (index, waiter) in waiters.enumerated() {
            if index.isMultiple(of: 2) { waiter.cancel() } else { semaphore.signal() }
        }
        for waiter in waiters { await waiter.value }
        #expect(acquired.total + semaphore.availablePermits == 200)
        #expect(semaphore.waitingCount == 0)
    }

    @Test func withPermitGivesThePermitBackWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        let semaphore = AsyncSemaphore(permits: 2)
        await #expect(throws: Boom.self) { try await semaphore.withPermit { throw Boom() } }
        #expect(semaphore.availablePermits == 2)
        #expect(semaphore.tryWait())
        #expect(semaphore.tryWait())
        #expect(!semaphore.tryWait())
    }
}
