import Foundation
import Testing
@testable import BookKit
import Notebook

/// `make book` with broken chapters: the others still run, every page is written, the
/// build fails at the end with the list, and a failed chapter's page says its output is old.
extension ChapterRunnerTests {
    @Test func failedChapterDoesNotStopTheOthersAndKeepsItsPageWithANotice() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-good", prose: "# Good\n\n{{#cell first}}\n")
        let broken = try fixture.chapter("02-check", prose: "# Check\n\n{{#cell greet}}\n")
        _ = try fixture.chapter("03-crash", prose: "# Crash\n")
        _ = try fixture.chapter("13-later", prose: "# Later\n\n{{#cell first}}\n")  // 13: no fault
        // Chapter 02 had a good run before; its latest one fails.
        let runs = fixture.root.appendingPathComponent(".book/runs/02-check")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        try JSONEncoder().encode(sampleRecord()).write(to: runs.appendingPathComponent("results.json"))
        let build = try fixture.buildDirectory
        let book = Book(repository: try fixture.repository, buildDirectory: build, swiftc: "swiftc", compilerVersion: "test", say: { _ in })
        let error = #expect(throws: BookError.self) { try book.build() }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("2 chapter(s) failed"))
        #expect(message.contains("chapter 02-check failed in cell 'broken'"))
        // Under ThreadSanitizer the sanitizer catches the trap and exits with status 66.
        #expect(message.contains("chapter 03-crash crashed with") || message.contains("chapter 03-crash exited with status 66"))
        // The chapter after the failures ran and was written.
        #expect(fixture.read("book/13-later.html")?.contains("first cell") == true)
        #expect(fixture.read("book/01-good.html")?.contains("first cell") == true)
        // The failed chapter keeps its last good output, marked as older.
        let page = fixture.read("book/02-check.html") ?? ""
        #expect(page.contains("hello"))
        #expect(page.contains("This output is from the run of 2026-01-01T00:00:00Z; the latest run ("))
        #expect(page.contains("failed: chapter 02-check failed in cell &#39;broken&#39;") || page.contains("failed: chapter 02-check failed in cell 'broken'"))
        #expect(RunHistory(runsFolder: fixture.root.appendingPathComponent(".book/runs")).latestFailure(of: broken) != nil)
    }

    @Test func chapterThatDoesNotCompileIsListedAndTheRestRun() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-good", prose: "# Good\n\n{{#cell first}}\n")
        _ = try fixture.chapter("02-check", prose: "# Check\n")
        let failures = fixture.root.appendingPathComponent("compile-failures")
        try fixture.write("compile-failures/chapter-02.log", "Compiling\nChapters/02-check/main.swift:3:5: error: cannot find 'x' in scope\n")
        let book = Book(repository: try fixture.repository, buildDirectory: try fixture.buildDirectory, swiftc: "swiftc",
                        compilerVersion: "test", compileFailures: failures, say: { _ in })
        let error = #expect(throws: BookError.self) { try book.build() }
        #expect(error?.message.contains("chapter 02-check does not compile:\nChapters/02-check/main.swift:3:5: error: cannot find 'x' in scope") == true)
        #expect(fixture.read("book/01-good.html")?.contains("first cell") == true)
        #expect(fixture.read("book/02-check.html") != nil)
    }

    @Test func pagesMarkOutputWhoseCodeChangedSinceItsRun() throws {
        let fixture = try Fixture()
        let cells = "// ANCHOR: first\nlet a = 1\n// ANCHOR_END: first\n// ANCHOR: other\nlet b = 1\n// ANCHOR_END: other\n"
        let chapter = try fixture.chapter("01-good", prose: "# Good\n\n{{#cell first}}\n\n{{#code other}}\n", sources: ["Cells.swift": cells])
        let book = Book(repository: try fixture.repository, buildDirectory: try fixture.buildDirectory, swiftc: "swiftc", compilerVersion: "test", say: { _ in })
        try book.build()
        #expect(fixture.read("book/01-good.html")?.contains("run-notice") == false)
        #expect(fixture.read("book/01-good.html")?.contains("changed since this output was produced") == false)
        try fixture.write("Chapters/01-good/Cells.swift", cells.replacingOccurrences(of: "let a = 1", with: "let a = 2"))
        try book.renderOnly()
        let page = fixture.read("book/01-good.html") ?? ""
        #expect(page.contains("The code in Cells.swift has changed since the run of"))
        // The changed cell's code is marked; the unchanged region is not.
        #expect(page.contains("#first</span> <strong class=\"code-stale\""))
        #expect(!page.contains("#other</span> <strong"))
        #expect(fixture.read("book/book.md")?.contains("· first · **changed since this output was produced**") == true)
        #expect(page.contains("make chapter-\(chapter.number)"))
    }
}

@Suite("The older-output notice")
struct StaleNoticeTests {
    @Test func failureMessageIsEscapedAndFreeOfControlBytes() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-good", prose: "# Good\n")
        let resolved = try fixture.resolver(chapter, record: sampleRecord()).resolve()
        let notice = StaleNotice(chapter: chapter, stamp: sampleRecord().stamp,
                                 failure: RunHistory.Failure(date: "2026-02-02T00:00:00Z", message: "cell `x`: <b>\u{1B}[31mred\u{0}\nsecond line"),
                                 changedSources: nil)
        let html = notice.applied(to: resolved).html
        #expect(html.contains("the latest run (2026-02-02T00:00:00Z) failed: cell <code>x</code>: &lt;b&gt;red␀</p>"))
        #expect(!html.contains("second line") && !html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
