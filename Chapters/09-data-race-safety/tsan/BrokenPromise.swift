// An `@unchecked Sendable` class whose promise was broken by a later edit: `reset()`
// was added without the lock.
// ANCHOR: shown
import Foundation

final class LockedTally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ amount: Int) {
        lock.lock()
        defer { lock.unlock() }
        count += amount
    }

    func reset() {
        count = 0                         // the new method forgot the lock
    }
}

let tally = LockedTally()
let group = DispatchGroup()
for worker in 0..<4 {
    group.enter()
    Thread.detachNewThread {
        for _ in 0..<10_000 {
            if worker == 0 { tally.reset() } else { tally.add(1) }
        }
        group.leave()
    }
}
group.wait()
// ANCHOR_END: shown

// expect-report: WARNING: ThreadSanitizer
// expect-report: LockedTally
