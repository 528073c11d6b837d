import Foundation

// ANCHOR: gate
/// Threads wait at a gate until it opens. The state (`isOpen`, `waiting`, `passed`) is
/// touched only while `condition` is locked: the condition variable's own lock.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var waiting = 0
    private var passed = 0

    /// Waits until the gate is open. The `while` re-checks after every wake-up:
    /// `wait()` can return without a signal (a spurious wake-up), or after another
    /// thread has changed the state again.
    func passThrough() {
        condition.lock()
        defer { condition.unlock() }
        waiting += 1
        while !isOpen {
            condition.wait()   // unlocks, sleeps, re-locks before returning
        }
        waiting -= 1
        passed += 1
    }

    /// Opens the gate and wakes one waiter (`signal`) or all of them (`broadcast`).
    func open(wakeAll: Bool) {
        condition.lock()
        defer { condition.unlock() }
        isOpen = true
        if wakeAll { condition.broadcast() } else { condition.signal() }
    }
    // ANCHOR_END: gate

    /// Threads now asleep in `passThrough`, and threads through it.
    var counts: (waiting: Int, passed: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (waiting, passed)
    }
}
