import Foundation
import Notebook
import Primitives

// ANCHOR: reentrancy
/// Locks `lock`, then (still holding it) calls a helper that locks it again, as code does
/// when a locked method calls another locked method. The inner attempt has a deadline.
/// Returns whether the inner lock was acquired.
func lockTwice(_ lock: any NSLocking & Sendable, inner: (Date) -> Bool) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return inner(Date(timeIntervalSinceNow: 0.1))   // the same thread, the same lock
}

func reentrancy(_ cell: Cell) {
    let plain = NSLock()
    let start = ContinuousClock.now
    let plainAgain = lockTwice(plain) { deadline in
        let acquired = plain.lock(before: deadline)   // `plain.lock()` would never return
        if acquired { plain.unlock() }
        return acquired
    }
    let waited = (ContinuousClock.now - start).seconds

    let recursive = NSRecursiveLock()
    let recursiveAgain = lockTwice(recursive) { deadline in
        let acquired = recursive.lock(before: deadline)
        if acquired { recursive.unlock() }            // one unlock per lock
        return acquired
    }
    print("NSLock locked again by its owner: \(plainAgain ? "acquired" : "gave up after \(Format.duration(waited)): a self-deadlock")")
    print("NSRecursiveLock locked again by its owner: \(recursiveAgain ? "acquired at once" : "gave up")")
    cell.value("reentrant-wait", waited * 1000, digits: 0, unit: "ms")
    cell.check(!plainAgain, "NSLock: the owner cannot take it a second time (deadlock detected by the deadline)")
    cell.check(recursiveAgain, "NSRecursiveLock: the owner takes it again")
}
// ANCHOR_END: reentrancy
