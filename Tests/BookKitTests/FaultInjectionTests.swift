import Foundation
import Testing
@testable import BookKit
@testable import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fault injection for what students do to the edit-run loop: hang a cell, flood its
/// output, escape the leak check, press Ctrl-C, start two builds at once. Some run the
/// real `bookbuilder` in a fixture repository, since signals and the subreaper are
/// properties of the builder's own process. Part of the runner's serialized suite: two
/// leak checks at once would each see the other's segments.
extension ChapterRunnerTests {
    @Test func hungCellIsReportedByItsOwnBudgetWithWhatItPrinted() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("10-deadlock", prose: "# Deadlock\n")
        let start = ContinuousClock.now
        let error = #expect(throws: BookError.self) { try fixture.runner(budget: 60, cellBudget: 2).run(chapter, echo: false) }
        // The chapter's budget is 60 s: stopping well before it shows the cell budget acted.
        #expect(ContinuousClock.now - start < .seconds(30))
        let message = error?.message ?? ""
        #expect(message.contains("chapter 10-deadlock was stopped in cell 'deadlock': the cell ran past its own budget of 2 s"))
        // Printed with `print` just before the hang: line buffering kept it.
        #expect(message.contains("the last lines cell 'deadlock' wrote to stdout ---\nbefore the deadlock"))
        #if os(Linux)
        // Where the thread waits, trimmed to the chapter's own file (gdb when installed).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/gdb") {
            #expect(message.contains("main thread waiting in DispatchSemaphore.wait() at main.swift:"))
        } else {
            #expect(message.contains("install gdb to see where the chapter's threads were waiting"))
        }
        #endif
    }

    #if os(Linux)
    /// Through the real builder: in a test process (not a subreaper, other suites'
    /// children beside) a child that outlives its parent by less than a poll escapes.
    @Test func childWithItsOwnEnvironmentAndSegmentWithoutAPidAreFound() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("11-escape", prose: "# Escape\n")
        let run = try BuilderProcess(fixture: fixture, arguments: ["chapter", "11"])
        #expect(run.wait(timeout: 60) == .exited(1))
        let message = run.output
        #expect(message.contains("chapter 11-escape left 1 process(es) still running 2 s after it ended (now killed)"))
        #expect(message.contains("`/bin/sleep 601` (seen first in cell 'escape')"))
        #expect(message.contains("left shared-memory segments behind (left in place: they appeared while it ran and no process holds them"))
        #expect(message.contains("student-segment-"))
        #expect(Self.processes(named: "/bin/sleep 601").isEmpty)
        // Nothing ties a segment without a pid to the run for certain, so it is reported but
        // never deleted on a guess (it could be another program's): the test removes it.
        let name = message.firstMatch(of: /student-segment-[0-9A-F]+/).map { String($0.output) } ?? "?"
        #expect(FileManager.default.fileExists(atPath: "/dev/shm/\(name)"))
        try? FileManager.default.removeItem(atPath: "/dev/shm/\(name)")
    }

    @Test func orphanedGrandchildComesBackToTheBuilderAndIsNamed() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("14-daemon", prose: "# Daemon\n")
        let run = try BuilderProcess(fixture: fixture, arguments: ["chapter", "14"])
        let status = run.wait(timeout: 60)
        #expect(status == .exited(1))
        let output = run.output
        #expect(output.contains("chapter 14-daemon left 1 process(es) still running"))
        #expect(output.contains("`/bin/sleep 602`"))
        #expect(Self.processes(named: "/bin/sleep 602").isEmpty)
    }

    /// `kill -9` leaves the builder no chance to clean up; the chapter still dies with it.
    @Test func chapterDiesWithABuilderKilledOutright() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("10-deadlock", prose: "# Deadlock\n")
        let run = try BuilderProcess(fixture: fixture, arguments: ["chapter", "10"])
        let deadline = ContinuousClock.now + .seconds(30)
        func chapter() -> [pid_t] { fixture.livingProcesses().filter { ProcessTable.commandLine(of: $0).hasSuffix("build/chapter-10") } }
        let current = fixture.root.appendingPathComponent(".book/runs/10-deadlock.running-\(run.pid)/current-cell")
        while ContinuousClock.now < deadline && (try? String(contentsOf: current, encoding: .utf8)) != "deadlock" { usleep(50_000) }
        let found = chapter()
        try #require(!found.isEmpty)
        kill(run.pid, SIGKILL)
        _ = run.wait(timeout: 10)
        let gone = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < gone && found.contains(where: { ProcessTable.entry($0).map { !$0.isZombie } ?? false }) { usleep(50_000) }
        #expect(!found.contains(where: { ProcessTable.entry($0).map { !$0.isZombie } ?? false }))
    }

    @Test func ctrlCStopsTheChapterItsChildrenAndRemovesTemporaryFolders() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("04-hang", prose: "# Hang\n")
        let run = try BuilderProcess(fixture: fixture, arguments: ["chapter", "04"])
        let runs = fixture.root.appendingPathComponent(".book/runs")
        // Wait until the chapter's `sleep 300` child is running (it carries the fixture's
        // path in its environment, as every process of the run does).
        let deadline = ContinuousClock.now + .seconds(30)
        func sleeping() -> [pid_t] { Self.processes(named: "/bin/sleep 300").filter { fixture.livingProcesses().contains($0) } }
        while ContinuousClock.now < deadline && (sleeping().isEmpty || Self.entries(runs).allSatisfy { !$0.contains(".running-") }) {
            usleep(50_000)
        }
        try #require(!sleeping().isEmpty)
        kill(run.pid, SIGINT)
        let status = run.wait(timeout: 20)
        #expect(status == .signalled(SIGINT) || status == .exited(128 + SIGINT))
        #expect(run.output.contains("stopped by SIGINT"))
        usleep(200_000)
        #expect(fixture.livingProcesses().isEmpty)
        #expect(Self.entries(runs).allSatisfy { !$0.contains(".running-") })
        #expect(Self.entries(fixture.root.appendingPathComponent("book")).allSatisfy { !$0.hasPrefix(".staging-") })
    }
    #endif

    @Test func floodingCellIsCappedWhileWrittenAndStopped() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("12-flood", prose: "# Flood\n")
        let cap = 1 << 20
        let start = ContinuousClock.now
        let error = #expect(throws: BookError.self) { try fixture.runner(cellBudget: 30, outputCap: cap).run(chapter, echo: false) }
        #expect(ContinuousClock.now - start < .seconds(25))
        let message = error?.message ?? ""
        #expect(message.contains("chapter 12-flood was stopped in cell 'flood': the cell wrote 1,048,576 bytes to its stdout, the most a cell may write"))
    }

    @Test func secondBuildWaitsAndSaysForWhom() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-good", prose: "# Good\n")
        let held = try BuildLock(repository: try fixture.repository, command: "test") { _ in Issue.record("the lock was free") }
        let run = try BuilderProcess(fixture: fixture, arguments: ["pages"])
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline && !run.output.contains("waiting:") { usleep(50_000) }
        #expect(run.output.contains("waiting: another build is running in this folder (pid \(getpid()): bookbuilder test"))
        #expect(run.isRunning)
        held.release()
        #expect(run.wait(timeout: 60) == .exited(0))
        #expect(run.output.contains("book: 1 chapter(s)"))
    }

    @Test func staleFoldersOfDeadBuildsAreRemovedAndOursKept() throws {
        let fixture = try Fixture()
        let dead = try Self.deadPid()
        let runs = fixture.root.appendingPathComponent(".book/runs")
        try fixture.write(".book/runs/01-x.running-\(dead)/results.json", "{}")
        try fixture.write(".book/runs/01-x.new-\(dead)/results.json", "{}")
        try fixture.write(".book/runs/01-x.running-\(getpid())/results.json", "{}")
        try fixture.write("book/.staging-\(dead)/index.html", "")
        let removed = Interruption.removeStaleFolders(in: [runs, fixture.root.appendingPathComponent("book")])
        #expect(removed == [".staging-\(dead)", "01-x.new-\(dead)", "01-x.running-\(dead)"])
        #expect(Self.entries(runs) == ["01-x.running-\(getpid())"])
    }

    // MARK: Helpers

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A pid that was just used and is no longer running.
    static func deadPid() throws -> pid_t {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }

    #if os(Linux)
    /// Live, non-zombie processes whose command line is `commandLine`.
    static func processes(named commandLine: String) -> [pid_t] {
        ProcessTable.read().entries.values.filter { !$0.isZombie && ProcessTable.commandLine(of: $0.pid) == commandLine }.map(\.pid)
    }
    #endif
}

/// The real `bookbuilder`, run in a fixture repository with its output in a file.
struct BuilderProcess {
    let child: ChildProcess
    let log: URL
    var pid: pid_t { child.pid }

    init(fixture: Fixture, arguments: [String]) throws {
        log = fixture.root.appendingPathComponent("builder.log")
        let executable = Products.directory.appendingPathComponent("bookbuilder").path
        let buildDirectory = try fixture.buildDirectory.path
        // The builder works in its current folder; the test process's own must not change
        // (other suites run at the same time), so a shell changes it and becomes the builder.
        let command = (["cd", fixture.root.path, "&&", "exec", executable] + arguments + ["--build-dir", buildDirectory])
            .map { $0 == "&&" ? $0 : "'\($0)'" }.joined(separator: " ")
        child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", command],
                                 environment: ProcessInfo.processInfo.environment, output: .file(log.path))
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    var isRunning: Bool { kill(child.pid, 0) == 0 }

    func wait(timeout: Double) -> ChildProcess.Ending { child.wait(timeout: timeout) }
}
