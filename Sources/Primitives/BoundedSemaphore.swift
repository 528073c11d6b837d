import Foundation

/// A blocking counting semaphore that refuses to be released more often than it was
/// acquired: Python's `threading.BoundedSemaphore`.
///
/// `DispatchSemaphore` lets any thread `signal()` as often as it likes; one extra signal
/// silently turns a limit of 3 into 4. Here `release()` throws `OverRelease` instead, so
/// the bug shows up where it happens.
public final class BoundedSemaphore: Sendable {
    /// `release()` was called when every permit was already free.
    public struct OverRelease: Error, Equatable, CustomStringConvertible {
        public let limit: Int
        public var description: String { "released more times than acquired (limit \(limit))" }
    }

    public let limit: Int
    /// Guards `available`; waiters sleep on it. `NSCondition` is a lock and a
    /// condition variable in one (chapter 02).
    private let condition = NSCondition()
    private nonisolated(unsafe) var available: Int

    public init(limit: Int) {
        precondition(limit > 0, "a bounded semaphore needs at least one permit")
        self.limit = limit
        self.available = limit
    }

    /// Free permits right now (a snapshot).
    public var availablePermits: Int {
        condition.lock()
        defer { condition.unlock() }
        return available
    }

    /// Takes a permit, blocking the calling thread until one is free.
    public func acquire() {
        condition.lock()
        defer { condition.unlock() }
        while available == 0 { condition.wait() }
        available -= 1
    }

    /// Takes a permit, waiting at most `timeout`; returns whether it got one.
    public func acquire(timeout: Duration) -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(timeout.components.seconds)
                            + Double(timeout.components.attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while available == 0 {
            if !condition.wait(until: deadline) && available == 0 { return false }
        }
        available -= 1
        return true
    }

    // ANCHOR: release
    /// Returns a permit and wakes one waiter.
    /// - Throws: `OverRelease` if no permit is held (the count stays at `limit`).
    public func release() throws(OverRelease) {
        condition.lock()
        defer { condition.unlock() }
        guard available < limit else { throw OverRelease(limit: limit) }
        available += 1
        condition.signal()
    }

    // ANCHOR_END: release

    /// Runs `body` holding a permit: Python's `with semaphore:`.
    public func withPermit<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        acquire()
        defer { try? release() }  // cannot throw: this call holds a permit
        return try body()
    }
}
