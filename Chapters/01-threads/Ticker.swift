import Foundation
import Primitives

/// Python's `class Ticker(Thread)` with its `run()` override, the Swift way: a type
/// that *owns* a thread instead of *being* one.
// ANCHOR: ticker
struct Ticker: Sendable {
    let name: String
    let ticks: Int

    /// The work, as Python's `run()` would hold it.
    func run() -> Int {
        for tick in 1...ticks {
            print("\(name): tick \(tick)")
            Thread.sleep(forTimeInterval: 0.01)
        }
        return ticks
    }

    /// Python's `start()`: runs `run()` on a new thread, returns the handle to join.
    func start() -> JoinableThread<Int> {
        JoinableThread(name: name) { run() }
    }
}
// ANCHOR_END: ticker
