import Foundation
import Testing
@testable import BookKit
import Notebook

@Suite("Writing the book")
struct BookWriterTests {
    @Test func writesIndexChapterPagesWholeBookAndMarkdown() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-first", prose: "# First\n\n{{#cell greet}}\n")
        let resolved = try fixture.resolver(chapter, record: sampleRecord()).resolve()
        let other = try fixture.chapter("02-second", prose: "# Second\n")
        try BookWriter(repository: fixture.repository, folder: fixture.root.appendingPathComponent("book"))
            .write([.resolved(resolved), .notRunYet(other, title: "Second")])
        #expect(fixture.read("book/index.html")?.contains("01-first.html") == true)
        #expect(fixture.read("book/01-first.html")?.contains("hello") == true)
        #expect(fixture.read("book/02-second.html")?.contains("make chapter-02") == true)
        #expect(fixture.read("book/print.html") != nil)
        let markdown = try #require(fixture.read("book/book.md"))
        #expect(markdown.contains("# First\n\n> Run: 2026-01-01T00:00:00Z · TestOS · 2 cores"))
        #expect(markdown.contains("# Second"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("book").path)
        #expect(!leftovers.contains { $0.hasPrefix(".staging") })
    }

    @Test func errorInAnyChapterWritesNothing() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-first", prose: "# First\n\n{{#cell greet}}\n")
        _ = try fixture.chapter("02-bad", prose: "# Bad\n\n{{#value missing}}\n")
        let runner = try fixture.runner()
        for slug in ["01-first", "02-bad"] {
            let folder = runner.runsFolder.appendingPathComponent(slug)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(sampleRecord()).write(to: folder.appendingPathComponent("results.json"))
        }
        let book = Book(repository: try fixture.repository, buildDirectory: try fixture.buildDirectory,
                        swiftc: "swiftc", compilerVersion: "test", say: { _ in })
        let error = #expect(throws: BookError.self) { try book.renderOnly() }
        #expect(error?.location == "Chapters/02-bad/README.md:3")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("book/01-first.html").path))
    }
}
