import Foundation
import Primitives

/// A counter with no protection at all, for chapter 02's lost-update demo.
///
/// This target is always compiled without optimisation (see Package.swift): an optimised
/// build turns each thread's loop of `count += 1` into a single addition, and the race
/// that the chapter shows would all but disappear.
public enum RacyCounter {
    // ANCHOR: racy
    /// `nonisolated(unsafe)` tells the compiler: "do not check this variable, I take the
    /// responsibility". Here nobody does; that is the point.
    nonisolated(unsafe) static var count = 0

    /// Adds 1 to `count`, `increments` times on each of `threads` threads, with no lock,
    /// and returns the final count. `count += 1` is three steps (load, add, store); two
    /// threads that load the same value both store value + 1, and one update is lost.
    public static func run(threads: Int, increments: Int) -> Int {
        count = 0
        let startLine = Event()
        let counters = ThreadGroup.started(threads) { _ in
            startLine.wait()        // released together, so that the threads overlap
            for _ in 0..<increments { count += 1 }
        }
        usleep(5_000)               // give every thread time to reach the start line
        startLine.set()
        counters.join()
        return count
    }
    // ANCHOR_END: racy
}
