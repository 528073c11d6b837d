// The same counter as shared global state (a static property): Swift 6 refuses a global
// `var` that every thread could reach, before a single thread is started.
// expect-error: static property 'count' is not concurrency-safe because it is nonisolated global shared mutable state
import Foundation

// ANCHOR: shown
enum Counter {
    static var count = 0
}

func countWithFourThreads() -> Int {
    let group = DispatchGroup()
    for _ in 0..<4 {
        group.enter()
        Thread.detachNewThread {
            for _ in 0..<100_000 { Counter.count += 1 }
            group.leave()
        }
    }
    group.wait()
    return Counter.count
}
// ANCHOR_END: shown
