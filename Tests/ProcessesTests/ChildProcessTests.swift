import Foundation
import Processes
import Testing

@Suite struct ChildProcessTests {
    @Test func exitCodeAndWait() throws {
        let child = try ChildProcess(role: "flood", arguments: ["0"], executable: TestWorker.url)
        #expect(child.pid > 0)
        let termination = child.wait(timeout: .seconds(10))
        #expect(termination == .exited(code: 0))
        #expect(!child.isRunning)
        #expect(processIsGone(child.pid))
    }

    @Test func unknownRoleExitsWithItsCode() throws {
        let child = try ChildProcess(role: "no-such-role", executable: TestWorker.url)
        #expect(child.wait(timeout: .seconds(10)) == .exited(code: 64))
    }

    @Test func terminateReportsSIGTERM() throws {
        let child = try ChildProcess(role: "sleep", arguments: ["30"], executable: TestWorker.url)
        #expect(child.isRunning)
        #expect(child.wait(timeout: .milliseconds(100)) == nil)
        child.terminate()
        #expect(child.wait(timeout: .seconds(10)) == .signalled(signal: SIGTERM))
        #expect(processIsGone(child.pid))
    }

    @Test func releasingARunningChildKillsIt() throws {
        var child: ChildProcess? = try ChildProcess(role: "sleep", arguments: ["30"], executable: TestWorker.url)
        let pid = child!.pid
        #expect(!processIsGone(pid))
        child = nil
        #expect(processIsGone(pid))
    }

    @Test func workerExitsWhenItsInputCloses() throws {
        let child = try ChildProcess(role: "echo", streams: .pipes, executable: TestWorker.url)
        try child.channel!.send(JobRequest(id: 1, input: "ping"))
        let reply = try child.channel!.receive(JobReply<String>.self, timeout: .seconds(10))
        #expect(reply.id == 1 && reply.output == "ping")
        child.closeInput()
        #expect(child.wait(timeout: .seconds(10)) == .exited(code: 0))
    }

    @Test func aWorkerWhoseParentDiesExitsByItself() throws {
        let guardian = try ChildProcess(role: "guardian", streams: .pipes, executable: TestWorker.url)
        defer { guardian.stop() }
        let orphan = try guardian.channel!.receive(Int32.self, timeout: .seconds(10))
        #expect(ProcessTable.isRunning(orphan) != false)
        // SIGKILL at once, maybe before the orphan has even started its watch: the guardian
        // cannot clean up.
        guardian.kill()
        guardian.waitUntilExit()
        let deadline = ContinuousClock.now + .seconds(5)
        while ProcessTable.isRunning(orphan) == true && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(ProcessTable.isRunning(orphan) != true, "the orphaned worker noticed and exited")
    }

    @Test func waitingWithoutDrainingAFullPipeBlocksTheChild() throws {
        let size = 1 << 20
        let child = try ChildProcess(role: "flood", arguments: ["\(size)"], streams: .pipes, executable: TestWorker.url)
        // The child fills the 64 KiB pipe and blocks in write: waiting alone would hang.
        #expect(child.wait(timeout: .milliseconds(300)) == nil)
        #expect(child.isRunning)
        // Draining while waiting lets it finish.
        let (output, termination) = child.collectOutput(timeout: .seconds(20))
        #expect(output.count == size)
        #expect(termination == .exited(code: 0))
    }

    @Test func collectOutputGivesUpAfterItsTimeout() throws {
        let child = try ChildProcess(role: "sleep", arguments: ["30"], streams: .pipes, executable: TestWorker.url)
        let start = ContinuousClock.now
        let (output, termination) = child.collectOutput(timeout: .milliseconds(200))
        #expect(output.isEmpty)
        #expect(termination == nil)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(processIsGone(child.pid))
    }
}
