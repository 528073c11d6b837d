// The racy counter, alone, for ThreadSanitizer: two threads add 1 to one global
// with no lock. Compiled with `swiftc -swift-version 6 -Onone -sanitize=thread`.
// expect-report: Swift access race
// expect-report: ThreadSanitizer
import Foundation

/// `nonisolated(unsafe)` switches off the compiler's check for this one variable.
nonisolated(unsafe) var count = 0

let group = DispatchGroup()
for _ in 0..<2 {
    group.enter()
    Thread.detachNewThread {
        for _ in 0..<10_000 { count += 1 }
        group.leave()
    }
}
group.wait()
print("count = \(count) (expected 20000)")
