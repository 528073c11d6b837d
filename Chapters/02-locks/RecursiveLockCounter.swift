import Foundation

/// The NSLock counter with a lock that its owner may take again (Python's `RLock`).
/// Used in the cost comparison: what does re-entrancy cost when nobody re-enters?
final class RecursiveLockCounter: SharedCounter, @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var count = 0   // guarded by `lock`

    func increment() {
        lock.lock()
        defer { lock.unlock() }
        count += 1
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
