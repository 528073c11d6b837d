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

    @Test func sleepingUsesAlmostNoCPU() {
        let before = ProcessCPUClock.seconds()
        Thread.sleep(forTimeInterval: 0.2)
        let used = ProcessCPUClock.seconds() - before
        #expect(used >= 0)
        #expect(used < 0.1, "a sleeping thread used \(used) s of CPU in 0.2 s")
    }

    @Test func computingUsesCPUTime() {
        let before = ProcessCPUClock.seconds()
        let result = Self.spin(for: 0.2)
        let used = ProcessCPUClock.seconds() - before
        #expect(result != 0)
        // At least some CPU time, whatever else the machine is doing; never more than
        // the wall-clock time times the number of cores.
        #expect(used > 0.01, "a computing thread used \(used) s of CPU in 0.2 s")
        #expect(used < 0.2 * Double(ProcessInfo.processInfo.activeProcessorCount) + 0.1)
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
        // Four threads each computing for 0.1 s of wall time: their CPU time adds up,
        // so it is at least a good part of one thread's share, and at most 0.1 s per core
        // per thread.
        #expect(used > 0.02, "four computing threads used \(used) s of CPU")
        #expect(used < Double(threads) * 0.1 + 0.2)
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
