import Primitives

/// A counter that many threads may increment at once. Each conforming type makes
/// `increment()` safe in a different way; the chapter compares them.
protocol SharedCounter: Sendable {
    init()
    func increment()
    var value: Int { get }
}

/// Starts `threads` threads that each call `increment()` `increments` times, and waits
/// for them. Returns the final value.
func countConcurrently<Counter: SharedCounter>(_ counter: Counter, threads: Int, increments: Int) -> Int {
    ThreadGroup.run(threads) { _ in
        for _ in 0..<increments { counter.increment() }
    }
    return counter.value
}
