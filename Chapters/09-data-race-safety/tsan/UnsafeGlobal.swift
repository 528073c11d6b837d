// `nonisolated(unsafe)` with no lock: the compiler is silenced, the race is real.
// ANCHOR: shown
import Foundation

nonisolated(unsafe) var requestsServed = 0

let group = DispatchGroup()
for _ in 0..<4 {
    group.enter()
    Thread.detachNewThread {
        for _ in 0..<10_000 { requestsServed += 1 }
        group.leave()
    }
}
group.wait()
print("requests served: \(requestsServed) (expected 40000)")
// ANCHOR_END: shown

// expect-report: WARNING: ThreadSanitizer: Swift access race
// expect-report: requestsServed
