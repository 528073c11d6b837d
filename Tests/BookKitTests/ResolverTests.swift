import Foundation
import Testing
@testable import BookKit
import Notebook

@Suite("Resolving a chapter's directives")
struct ResolverTests {
    let code = """
        import Notebook
        // ANCHOR: greet
        func greet(_ cell: Cell) {
            print("hello")
        }
        // ANCHOR_END: greet
        """

    func resolve(_ prose: String, record: ChapterRecord = sampleRecord()) throws -> ResolvedChapter {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-test", prose: prose, sources: ["Greet.swift": code])
        try fixture.write("Sources/Lib/Queue.swift", "// ANCHOR: put\nfunc put() {}\n// ANCHOR_END: put\n")
        return try fixture.resolver(chapter, record: record).resolve()
    }

    func error(_ prose: String, record: ChapterRecord = sampleRecord()) -> BookError? {
        #expect(throws: BookError.self) { try resolve(prose, record: record) }
    }

    @Test func cellShowsItsCodeOutputAndChecks() throws {
        let page = try resolve("# T\n\n{{#cell greet}}\n")
        #expect(page.title == "T")
        #expect(page.html.contains("<span class=\"tok-function-call\">print</span>(<span class=\"tok-string\">&quot;hello&quot;</span>)"))
        #expect(page.html.contains("<samp>hello</samp>"))
        #expect(page.html.contains("it greets"))
        #expect(page.markdown.contains("```swift\nfunc greet(_ cell: Cell) {"))
        #expect(page.markdown.contains("Output:\n\n```text\nhello\n```"))
        #expect(!page.html.contains("BOOKBLOCK"))
    }

    @Test func valuesAreInterpolatedAndEscapedForMarkdown() throws {
        let page = try resolve("# T\n\nIdeal 0.20 s, measured {{#value elapsed}}; odd {{#value starry}}.\n\n{{#cell greet}}")
        #expect(page.html.contains("measured 0.21 s"))
        #expect(page.markdown.contains("measured 0.21 s; odd a\\*b\\_c."))
    }

    @Test func programOutputIsEscaped() throws {
        let page = try resolve("# T\n\n{{#output greet}}", record: sampleRecord(stdout: "<script>alert(1)</script>\n", stderr: "oops & <b>\n"))
        #expect(!page.html.contains("<script>"))
        #expect(page.html.contains("&lt;script&gt;"))
        #expect(page.html.contains("oops &amp; &lt;b&gt;"))
    }

    @Test func includeShowsARegionOfAnyFileInTheRepository() throws {
        let page = try resolve("# T\n\n{{#include ../../Sources/Lib/Queue.swift:put}}\n\n{{#cell greet}}")
        #expect(page.markdown.contains("<sub>`Sources/Lib/Queue.swift` · put</sub>"))
        #expect(page.markdown.contains("func put() {}"))
    }

    @Test func includeOutsideTheRepositoryIsRefused() {
        let error = error("# T\n\n{{#include ../../../../etc/passwd}}\n")
        #expect(error?.location == "Chapters/01-test/README.md:3")
        #expect(error?.message.contains("outside the repository") == true)
    }

    @Test func unknownNamesAreErrorsWithFileAndLine() {
        let cell = error("# T\n\n{{#cell nope}}")
        #expect(cell?.description == "Chapters/01-test/README.md:3: unknown cell 'nope' (cells: greet)")
        let value = error("# T\nline two\nmeasured {{#value nope}}")
        #expect(value?.location == "Chapters/01-test/README.md:3")
        #expect(value?.message.contains("unknown value 'nope'") == true)
        let anchor = error("# T\n\n{{#code nope}}")
        #expect(anchor?.message.contains("unknown anchor 'nope'") == true)
        let region = error("# T\n\n{{#include ../../Sources/Lib/Queue.swift:nope}}")
        #expect(region?.message.contains("unknown anchor 'nope' in Sources/Lib/Queue.swift (anchors: put)") == true)
        let file = error("# T\n\n{{#include Missing.swift}}")
        #expect(file?.message.contains("no file 'Missing.swift'") == true)
        let figure = error("# T\n\n{{#figure nope}}")
        #expect(figure?.message.contains("unknown figure 'nope'") == true)
        let inline = error("# T\n\ntext {{#cell greet}} more")
        #expect(inline?.message.contains("must stand alone") == true)
    }

    @Test func numberedTitleIsAnError() {
        let numbered = error("# 01 · Threads\n\n{{#cell greet}}")
        #expect(numbered?.location == "Chapters/01-test/README.md:1")
        #expect(numbered?.message.contains("should not carry the chapter's number") == true)
    }

    @Test func directivesInsideFencedCodeAreLeftAlone() throws {
        let page = try resolve("# T\n\n```\n{{#cell nope}}\n```\n\n{{#cell greet}}")
        #expect(page.markdown.contains("```\n{{#cell nope}}\n```"))
    }

    @Test func cellsTheProseNeverShowsAreNoted() throws {
        let page = try resolve("# T\n\nNo cells here.")
        #expect(page.notes == ["Chapters/01-test/README.md: cell 'greet' ran but the prose never shows it"])
    }

    @Test func figurePlacedApartIsNotRepeatedUnderItsCell() throws {
        let table = FigureRecord.table(TableRecord(name: "costs", title: "Costs", header: ["lock", "ns"], rows: [["Mutex", "20"]]))
        let page = try resolve("# T\n\n{{#cell greet}}\n\nLater:\n\n{{#figure costs}}", record: sampleRecord(figures: [table]))
        #expect(page.markdown.components(separatedBy: "**Costs**").count == 2)
    }

    @Test func timelinesBecomeSVGFilesForTheMarkdownBook() throws {
        let timeline = FigureRecord.timeline(TimelineRecord(name: "workers", title: "Workers",
                                                            spans: [SpanRecord(lane: "t1", label: "sleep", start: 0, end: 0.05)]))
        let page = try resolve("# T\n\n{{#cell greet}}", record: sampleRecord(figures: [timeline]))
        #expect(page.markdown.contains("![Workers](figures/01-test-workers.svg)"))
        let svg = try #require(page.figureFiles["01-test-workers.svg"])
        #expect(svg.contains("<svg") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }
}
