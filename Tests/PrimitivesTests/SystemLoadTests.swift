import Foundation
import Primitives
import Testing

@Suite struct SystemLoadTests {
    @Test func theLoadAverageIsReportedAndSane() throws {
        let load = try #require(SystemLoad.oneMinuteAverage())
        #expect(load >= 0)
        #expect(load < 10_000)
    }

    @Test func agreesWithProcLoadavgOnLinux() throws {
        #if os(Linux)
        // /proc/loadavg is what getloadavg reads on Linux: both must agree to within the
        // change of a few seconds.
        let text = try String(contentsOfFile: "/proc/loadavg", encoding: .utf8)
        let fromFile = try #require(Double(text.split(separator: " ")[0]))
        let fromCall = try #require(SystemLoad.oneMinuteAverage())
        #expect(abs(fromFile - fromCall) < 1.0)
        #endif
    }

    @Test func measuredFreeCoresIsWithinThePhysicalLimits() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let free = SystemLoad.measuredFreeCores(threads: cores, duration: .milliseconds(50))
        // Some CPU time, whatever the machine is doing; never more than the cores, which
        // bound the whole process whatever else runs in it.
        #expect(free > 0.05, "measured \(free) free cores")
        #expect(free <= Double(cores) + 0.2, "measured \(free) free cores of \(cores)")
    }
}
