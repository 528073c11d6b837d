import Foundation
import Primitives
import Testing

@Suite struct ProcessCPUClockTests {
    /// Spins for about `seconds` of wall-clock time, computing.
    private static func spin(for seconds: Double) -> UInt64 {
        let end = Date().addingTimeInterval(seconds)
        var x: UInt64 = 1
        while Date() < end {
            for _ in 0..<1_000 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
        }
        return x
    }

    // Other tests run in this process at the same time, so these tests assert only
    // bounds that their CPU use cannot break: lower bounds on what this test adds, and
    // the physical upper bound of cores × wall-clock time.

    @Test func neverExceedsTheCoresTimesTheWallClock() {
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let start = ContinuousClock.now
        let before = ProcessCPUClock.seconds()
        Thread.sleep(forTimeInterval: 0.2)
        let used = ProcessCPUClock.seconds() - before
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(used >= 0)
        #expect(used <= cores * wall + 0.05, "\(used) s of CPU in \(wall) s on \(cores) cores")
    }

    @Test func computingUsesCPUTime() {
        let before = ProcessCPUClock.seconds()
        let result = Self.spin(for: 0.2)
        let used = ProcessCPUClock.seconds() - before
        #expect(result != 0)
        // At least some CPU time, whatever else the machine is doing.
        #expect(used > 0.01, "a computing thread used \(used) s of CPU in 0.2 s")
    }

    @Test func countsEveryThreadOfTheProcess() {
        let threads = 4
        let finished = DispatchGroup()
        let before = ProcessCPUClock.seconds()
        for _ in 0..<threads {
            finished.enter()
            Thread {
                _ = Self.spin(for: 0.1)
                finished.leave()
            }.start()
        }
        finished.wait()
        let used = ProcessCPUClock.seconds() - before
        // Four threads each computing for 0.1 s of wall time: whatever share of the
        // machine they get, their CPU time adds up to a measurable amount.
        #expect(used > 0.02, "four computing threads used \(used) s of CPU")
    }

    @Test func neverGoesBackwards() {
        var previous = ProcessCPUClock.seconds()
        for _ in 0..<1_000 {
            let now = ProcessCPUClock.seconds()
            #expect(now >= previous)
            previous = now
        }
    }
}
