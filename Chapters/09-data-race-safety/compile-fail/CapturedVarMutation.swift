// A local `var` changed from inside a closure that runs on several threads at once.
// ANCHOR: shown
import Dispatch

func countOnAllCores() -> Int {
    var total = 0
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        total += 1
    }
    return total
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: mutation of captured var 'total' in concurrently-executing code
// expect-error: [#SendableClosureCaptures]
