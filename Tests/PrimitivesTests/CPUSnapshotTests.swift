import Foundation
import Primitives
import Testing

@Suite struct CPUSnapshotTests {
    /// A child that computes for a while: the shell counting in a loop.
    private func busyShell() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done"]
        try process.run()
        return process
    }

    #if os(Linux)
    @Test func countsChildrenWhileRunningAndAfterReaping() throws {
        let before = try #require(CPUSnapshot.now())
        let child = try busyShell()
        Thread.sleep(forTimeInterval: 0.3)
        let during = try #require(CPUSnapshot.now())
        child.waitUntilExit()                     // Process reaps the child here
        let after = try #require(CPUSnapshot.now())
        let whileRunning = during.childrenSeconds - before.childrenSeconds
        let inAll = after.childrenSeconds - before.childrenSeconds
        // A shell loop that computes for a few tenths of a second, counted in ticks of 10 ms:
        // wide margins, since a busy machine gives the child less of the 0.3 s.
        #expect(whileRunning > 0.02, "a running child's CPU time is counted (\(whileRunning) s)")
        #expect(inAll >= whileRunning - 0.02, "once reaped it is still counted (\(inAll) s >= \(whileRunning) s)")
        #expect(inAll > 0.05)
    }

    @Test func ownProcessAndChildrenAreNotElsewhere() throws {
        let before = try #require(CPUSnapshot.now())
        let child = try busyShell()
        child.waitUntilExit()
        let after = try #require(CPUSnapshot.now())
        let cores = Double(UsableCores.count)
        let busy = after.coresBusyElsewhere(since: before)
        #expect(busy >= 0 && busy <= cores + 0.5)
    }
    #endif

    @Test func coresLeftIsTheRoundedFigure() {
        #expect(CPUSnapshot.coresLeft(of: 2, busyElsewhere: 0.5003) == 1.5)
        #expect(CPUSnapshot.coresLeft(of: 2, busyElsewhere: 0.56) == 1.4)
        #expect(CPUSnapshot.coresLeft(of: 4, busyElsewhere: 0) == 4)
    }
}
