// A correct counter: four threads add 1 under a Mutex, and the total is exact.
// On Linux, ThreadSanitizer still reports a race here: see the chapter.
// Compiled with `swiftc -swift-version 6 -Onone -sanitize=thread`.
// expect-report: Swift access race
// expect-report: count = 40000 (expected 40000)
import Foundation
import Synchronization

// ANCHOR: shown
final class Counter: Sendable {
    let count = Mutex(0)
}

let counter = Counter()
let group = DispatchGroup()
for _ in 0..<4 {
    group.enter()
    Thread.detachNewThread {
        for _ in 0..<10_000 { counter.count.withLock { $0 += 1 } }
        group.leave()
    }
}
group.wait()
print("count = \(counter.count.withLock { $0 }) (expected 40000)")
// ANCHOR_END: shown
