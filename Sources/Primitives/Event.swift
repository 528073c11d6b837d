import Foundation

/// A flag that threads can wait on: Swift's counterpart of Python's `threading.Event`,
/// built on an `NSCondition`.
///
///     let ready = Event()
///     // in a worker:       ready.wait()      (or ready.wait(timeout: .seconds(1)))
///     // in the main thread: ready.set()      -> every waiter wakes
///
/// Once set, `wait` returns at once until someone calls `clear()`.
/// `isSet` is read under the condition's lock, which is why the class may be shared
/// (`@unchecked Sendable`: the compiler cannot see that lock).
public final class Event: @unchecked Sendable {
    // ANCHOR: event
    private let condition = NSCondition()
    private var flag = false

    public init() {}

    /// Whether the event is set now.
    public var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return flag
    }

    /// Sets the flag and wakes every thread waiting for it.
    public func set() {
        condition.lock()
        defer { condition.unlock() }
        flag = true
        condition.broadcast()
    }

    /// Clears the flag: later calls to `wait` block again.
    public func clear() {
        condition.lock()
        defer { condition.unlock() }
        flag = false
    }

    /// Blocks until the flag is set.
    public func wait() {
        condition.lock()
        defer { condition.unlock() }
        while !flag { condition.wait() }   // a loop: wake-ups can be spurious
    }

    /// Blocks until the flag is set or `timeout` passes; returns whether it is set.
    @discardableResult
    public func wait(timeout: Duration) -> Bool {
        let deadline = timeout.deadlineFromNow
        condition.lock()
        defer { condition.unlock() }
        while !flag {
            if !condition.wait(until: deadline) { return flag }
        }
        return true
    }
    // ANCHOR_END: event
}
