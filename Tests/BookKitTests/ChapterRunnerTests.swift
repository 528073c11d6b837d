import Foundation
import Testing
@testable import BookKit
@testable import Notebook

/// Fault injection: the runner against a chapter that fails, crashes, hangs, leaks or
/// floods its output. Each fault must stop the build with a message naming the chapter
/// and the cell, and must never replace the last good run.
@Suite("Running chapters under the watchdog", .serialized)
struct ChapterRunnerTests {
    @Test func goodRunIsKeptWithItsCellsOutputAndValues() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-good", prose: "# Good\n")
        let runner = try fixture.runner()
        #expect(!runner.isUpToDate(chapter))
        let record = try runner.run(chapter, echo: false)
        let cell = try #require(record.cells.first)
        #expect(cell.stdout == "first cell <script>alert(1)</script>\n")
        #expect(cell.stderr == "a line on stderr\n")
        #expect(record.values["answer"]?.text == "42")
        #expect(record.stamp.swiftVersion == "test")
        #expect(runner.lastGoodRun(chapter) == record)
        #expect(runner.isUpToDate(chapter))
    }

    @Test func failedCheckNamesTheCellAndTheCheck() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("02-check", prose: "# Check\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        #expect(error?.message.hasPrefix("chapter 02-check failed in cell 'broken': one plus one is three") == true)
    }

    @Test func crashNamesTheSignalAndTheCell() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("03-crash", prose: "# Crash\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        let message = error?.message ?? ""
        // Under ThreadSanitizer the sanitizer catches the trap and exits with status 66.
        #expect(message.contains("chapter 03-crash crashed with SIG") || message.contains("chapter 03-crash exited with status 66"))
        #expect(message.contains("in cell 'crash'"))
        #expect(message.contains("Index out of range"))
    }

    @Test func watchdogKillsAHungChapterAndItsChildren() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("04-hang", prose: "---\nbudget: 2\n---\n# Hang\n")
        let start = ContinuousClock.now
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        // The 2 s budget, then at most 8 s for gdb to show where the threads waited.
        #expect(ContinuousClock.now - start < .seconds(15))
        #expect(error?.message.contains("chapter 04-hang exceeded its time budget of 2 s in cell 'hang'") == true)
        #expect(error?.message.contains("with 1 process(es) it started") == true)
        #if os(Linux)
        #expect(fixture.livingProcesses().isEmpty)
        #endif
    }

    @Test func leakedChildProcessFailsTheRunAndIsKilled() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("05-leak", prose: "# Leak\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        #expect(error?.message.contains("chapter 05-leak left 1 process(es) still running 2 s after it ended") == true)
        #if os(Linux)
        #expect(fixture.livingProcesses().isEmpty)
        #endif
    }

    #if os(Linux)
    @Test func leftSharedMemorySegmentFailsTheRunAndIsRemoved() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("09-segment", prose: "# Segment\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        let message = error?.message ?? ""
        #expect(message.contains("chapter 09-segment left shared-memory segments behind (now removed): swiftbook-leak-"))
        let name = message.components(separatedBy: "(now removed): ").last ?? ""
        #expect(!name.isEmpty && !FileManager.default.fileExists(atPath: "/dev/shm/\(name)"))
    }
    #endif

    @Test func enormousOutputIsBoundedAndInvalidUTF8Replaced() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("06-noisy", prose: "# Noisy\n")
        let record = try fixture.runner().run(chapter, echo: false)
        let noisy = try #require(record.cells.first { $0.name == "noisy" })
        #expect(noisy.stdout.hasPrefix("bad\u{FFFD}\u{FFFD}\n"))
        #expect(noisy.stdout.utf8.count < 256 * 1024)
        #expect(noisy.stdout.contains("bytes of output omitted"))
    }

    @Test func endingWithoutResultsIsAnError() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("07-quiet", prose: "# Quiet\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        #expect(error?.message.contains("ended without writing its results") == true)
    }

    @Test func thrownErrorFailsTheCell() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("08-throws", prose: "# Throws\n")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        #expect(error?.message.contains("failed in cell 'throws': the cell threw an error: Refused()") == true)
    }

    @Test func failedRunNeverReplacesTheLastGoodOne() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("02-check", prose: "# Check\n")
        let runner = try fixture.runner()
        let good = sampleRecord()
        let folder = runner.runsFolder.appendingPathComponent(chapter.slug)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(good).write(to: folder.appendingPathComponent("results.json"))
        #expect(throws: BookError.self) { try runner.run(chapter, echo: false) }
        #expect(runner.lastGoodRun(chapter) == good)
    }

    @Test func missingExecutableSaysHowToBuildIt() throws {
        let fixture = try Fixture()
        try fixture.write("Chapters/30-extra/README.md", "# Extra\n")
        try fixture.write("Chapters/30-extra/main.swift", "\n")
        let chapter = try fixture.repository.chapter("30")
        let error = #expect(throws: BookError.self) { try fixture.runner().run(chapter, echo: false) }
        #expect(error?.message.contains("swift build --product chapter-30") == true)
    }
}
