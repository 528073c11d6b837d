import Synchronization

// ANCHOR: mutex-counter
/// Python: `with lock: count += 1`. Swift: the value lives *inside* the `Mutex`, and the
/// only way to reach it is `withLock`, which locks, runs the closure, and unlocks (even
/// if the closure throws). Forgetting to lock is impossible: there is nothing to forget.
final class MutexCounter: SharedCounter {
    private let count = Mutex(0)

    func increment() {
        count.withLock { $0 += 1 }
    }

    var value: Int { count.withLock { $0 } }
}
// ANCHOR_END: mutex-counter
