import Foundation

/// Pure CPU work: a xorshift random-number generator stepped many times. It touches no
/// memory, makes no system call and never waits, so only a core can make it go faster.
/// The result is returned (and printed by callers) so the compiler cannot skip the work.
struct ArithmeticJob: Sendable {
    /// How many steps the job takes.
    let steps: Int

    // ANCHOR: arithmetic
    func run(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        var x = seed | 1
        for _ in 0..<steps {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
        }
        return x
    }
    // ANCHOR_END: arithmetic

    /// The length of one slice of work in the demos (a few milliseconds).
    static let sliceSeconds = 0.005

    /// A job that takes about `seconds` on one core of this machine, in this build
    /// (a debug build steps more slowly, so it gets fewer steps).
    static func lasting(_ seconds: Double) -> ArithmeticJob {
        ArithmeticJob(steps: max(1, Int(seconds * stepsPerSecond)))
    }

    /// Measured once: the best of a few short timed runs, so that a moment of load from
    /// other programs does not make every job too short.
    static let stepsPerSecond: Double = {
        let probe = ArithmeticJob(steps: 2_000_000)
        var best = Double.infinity
        for _ in 1...5 {
            let start = ContinuousClock.now
            blackHole(probe.run())
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        return Double(probe.steps) / best
    }()
}

/// Keeps a result alive so the optimiser cannot remove the work that made it.
@inline(never)
func blackHole(_ value: UInt64) {
    if value == 42 { print("") }
}
