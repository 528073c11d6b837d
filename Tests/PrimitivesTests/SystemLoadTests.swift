import Foundation
import Primitives
import Testing

@Suite struct SystemLoadTests {
    @Test func theLoadAverageIsReportedAndSane() throws {
        let load = try #require(SystemLoad.oneMinuteAverage())
        #expect(load >= 0)
        #expect(load < 10_000)
    }

    @Test func coresAreFreeOnlyBelowTheirCount() {
        #expect(SystemLoad.hasFreeCores(2, load: 1.5))
        #expect(!SystemLoad.hasFreeCores(2, load: 2.0))
        #expect(!SystemLoad.hasFreeCores(2, load: 7.3))
        #expect(SystemLoad.hasFreeCores(1, load: nil))
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
}
