import Foundation

// ANCHOR: nslock-counter
/// The classic lock: `lock()`, touch the data, `unlock()`. `defer` runs the unlock when the
/// function returns by any path (a `return`, a `throw`), so no path can leave it locked.
/// The compiler cannot see which lock guards `count`: `@unchecked Sendable` is our promise.
final class NSLockCounter: SharedCounter, @unchecked Sendable {
    private let lock = NSLock()
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
// ANCHOR_END: nslock-counter
