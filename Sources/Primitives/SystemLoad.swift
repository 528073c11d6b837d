import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How busy the machine is, for programs that time themselves: a speedup measured while
/// other programs keep every core busy says little about the code being timed.
public enum SystemLoad {
    /// The one-minute load average: how many threads, on average over the last minute,
    /// were running or waiting for a core. `nil` if the system does not report it.
    /// It trails the present: a machine busy a minute ago still shows a high average.
    public static func oneMinuteAverage() -> Double? {
        var sample = [0.0]
        return getloadavg(&sample, 1) == 1 ? sample[0] : nil
    }

    /// How many cores this process can get right now: `threads` threads compute flat out
    /// for `duration`, and the process's CPU time is divided by the wall-clock time.
    /// About `threads` (at most the core count) on an idle machine; less when other
    /// programs hold cores. Unlike the load average, it describes this moment.
    public static func measuredFreeCores(threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                         duration: Duration = .milliseconds(60)) -> Double {
        let finished = DispatchGroup()
        let start = ContinuousClock.now
        let deadline = start + duration
        let cpuStart = ProcessCPUClock.seconds()
        for _ in 0..<threads {
            finished.enter()
            Thread {
                var x: UInt64 = 1
                while ContinuousClock.now < deadline {
                    for _ in 0..<1_000 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
                }
                if x == 42 { print("") }        // keeps the loop from being optimised away
                finished.leave()
            }.start()
        }
        finished.wait()
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (ProcessCPUClock.seconds() - cpuStart) / wall
    }
}
