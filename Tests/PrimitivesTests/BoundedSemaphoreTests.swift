import Foundation
import Synchronization
import Testing
@testable import Primitives

struct BoundedSemaphoreTests {
    @Test func reportsOverRelease() throws {
        let semaphore = BoundedSemaphore(limit: 2)
        #expect(throws: BoundedSemaphore.OverRelease(limit: 2)) { try semaphore.release() }
        semaphore.acquire()
        try semaphore.release()
        #expect(throws: BoundedSemaphore.OverRelease.self) { try semaphore.release() }
        #expect(semaphore.availablePermits == 2, "an over-release does not add a permit")
    }

    @Test func acquireWithTimeoutGivesUpWhenExhausted() throws {
        let semaphore = BoundedSemaphore(limit: 1)
        #expect(semaphore.acquire(timeout: .milliseconds(10)))
        let start = ContinuousClock.now
        #expect(!semaphore.acquire(timeout: .milliseconds(50)))
        #expect(ContinuousClock.now - start >= .milliseconds(45))
        try semaphore.release()
        #expect(semaphore.acquire(timeout: .milliseconds(10)))
    }

    @Test func limitsThreadsUnderStress() {
        let semaphore = BoundedSemaphore(limit: 3)
        let gauge = OccupancyGauge()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<500 {
                semaphore.withPermit {
                    gauge.enter()
                    gauge.leave()
                }
            }
        }
        #expect(gauge.total == 16 * 500)
        #expect(gauge.maximum <= 3)
        #expect(semaphore.availablePermits == 3)
    }
}
