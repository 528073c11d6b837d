// Four threads add 1 to a shared counter, 100,000 times each, with no lock.
// Swift 6 refuses to compile it: the threads' closures run concurrently, and they
// all capture, and mutate, the same local variable.
// expect-error: mutation of captured var 'count' in concurrently-executing code
import Foundation

// ANCHOR: shown
func countWithFourThreads() -> Int {
    var count = 0
    let group = DispatchGroup()
    for _ in 0..<4 {
        group.enter()
        Thread.detachNewThread {
            for _ in 0..<100_000 { count += 1 }
            group.leave()
        }
    }
    group.wait()
    return count
}
// ANCHOR_END: shown
