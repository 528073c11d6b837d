// Four threads add to one counter, the way Python would let you write it.
// Swift 6 refuses to compile it: the closure runs on several threads at once,
// and every one of them would write `count` with nothing to keep them apart.
// expect-error: mutation of captured var 'count' in concurrently-executing code
import Dispatch

// ANCHOR: shown
func countOnFourThreads() -> Int {
    var count = 0
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        for _ in 0..<100_000 {
            count += 1
        }
    }
    return count
}
// ANCHOR_END: shown
