import Foundation
import Testing
@testable import BookKit
import Notebook

/// Writing the book again re-resolves only the chapters whose inputs changed and
/// rewrites only the files whose content changed.
@Suite("Incremental rendering")
struct IncrementalRenderingTests {
    /// A fixture with two chapters that have last good runs, and a book that reports
    /// what it says.
    struct Setup {
        let fixture: Fixture
        let book: Book
        let said: SaidLines

        init() throws {
            fixture = try Fixture()
            try fixture.write("Sources/Lib/Shown.swift", "// ANCHOR: part\nlet shown = 1\n// ANCHOR_END: part\n")
            _ = try fixture.chapter("01-first", prose: "# First\n\n{{#cell greet}}\n\n{{#include ../../Sources/Lib/Shown.swift:part}}\n")
            _ = try fixture.chapter("02-second", prose: "# Second\n\n{{#cell greet}}\n")
            let runner = try fixture.runner()
            for slug in ["01-first", "02-second"] {
                let folder = runner.runsFolder.appendingPathComponent(slug)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try JSONEncoder().encode(sampleRecord()).write(to: folder.appendingPathComponent("results.json"))
            }
            let said = SaidLines()
            self.said = said
            book = Book(repository: try fixture.repository, buildDirectory: try fixture.buildDirectory,
                        swiftc: "swiftc", compilerVersion: "test", say: { said.append($0) })
        }

        func render() throws -> [String] { try book.render(try fixture.repository.chapters()) }
    }

    @Test func anUnchangedBookWritesNothingAndResolvesNothing() throws {
        let setup = try Setup()
        let first = try setup.render()
        #expect(first.contains("01-first.html") && first.contains("print.html") && first.contains("search-index.js"))
        let printed = try #require(setup.fixture.read("book/print.html"))
        let modified = try FileManager.default.attributesOfItem(atPath: setup.fixture.root.appendingPathComponent("book/print.html").path)[.modificationDate] as? Date

        let second = try setup.render()
        #expect(second.isEmpty)
        #expect(setup.said.last?.contains("0 resolved afresh; book/ already up to date") == true)
        #expect(setup.fixture.read("book/print.html") == printed)
        let after = try FileManager.default.attributesOfItem(atPath: setup.fixture.root.appendingPathComponent("book/print.html").path)[.modificationDate] as? Date
        #expect(modified == after)
    }

    @Test func aProseEditRewritesItsPageAndTheWholeBookFilesOnly() throws {
        let setup = try Setup()
        _ = try setup.render()
        try setup.fixture.write("Chapters/02-second/README.md", "# Second\n\nA new sentence.\n\n{{#cell greet}}\n")
        let written = try setup.render()
        #expect(written == ["02-second.html", "book.md", "print.html", "search-index.js"])
        #expect(setup.said.last?.contains("1 resolved afresh") == true)
        #expect(setup.fixture.read("book/02-second.html")?.contains("A new sentence.") == true)
        #expect(setup.fixture.read("book/print.html")?.contains("A new sentence.") == true)
        #expect(setup.fixture.read("book/search-index.js")?.contains("A new sentence.") == true)
    }

    @Test func anIncludedFileANewRunAndATitleAreInputsToo() throws {
        let setup = try Setup()
        _ = try setup.render()
        try setup.fixture.write("Sources/Lib/Shown.swift", "// ANCHOR: part\nlet shownNow = 2\n// ANCHOR_END: part\n")
        #expect(try setup.render() == ["01-first.html", "book.md", "print.html", "search-index.js"])
        #expect(setup.fixture.read("book/01-first.html")?.contains("shownNow") == true)

        let runner = try setup.fixture.runner()
        try JSONEncoder().encode(sampleRecord(stdout: "a newer run\n"))
            .write(to: runner.runsFolder.appendingPathComponent("01-first/results.json"))
        #expect(try setup.render().contains("01-first.html"))
        #expect(setup.fixture.read("book/01-first.html")?.contains("a newer run") == true)

        // A new title is in every page's table of contents.
        try setup.fixture.write("Chapters/02-second/README.md", "# Second, renamed\n\n{{#cell greet}}\n")
        let written = try setup.render()
        #expect(written.contains("01-first.html") && written.contains("02-second.html") && written.contains("index.html"))
    }

    @Test func whatTheCacheGivesBackIsWhatResolvingGives() throws {
        let setup = try Setup()
        _ = try setup.render()
        let cached = try #require(setup.fixture.read("book/book.md"))
        try FileManager.default.removeItem(at: setup.fixture.root.appendingPathComponent(".book/cache"))
        try FileManager.default.removeItem(at: setup.fixture.root.appendingPathComponent("book/book.md"))
        // A fresh builder (no memory) with no cache on disk resolves everything again.
        let fresh = Book(repository: try setup.fixture.repository, buildDirectory: try setup.fixture.buildDirectory,
                         swiftc: "swiftc", compilerVersion: "test", say: { _ in })
        #expect(try fresh.render(try setup.fixture.repository.chapters()) == ["book.md"])
        #expect(setup.fixture.read("book/book.md") == cached)
    }
}

/// Lines a book said, from any thread.
final class SaidLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var last: String? { lock.withLock { lines.last } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
