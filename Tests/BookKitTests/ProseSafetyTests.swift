import Foundation
import Testing
@testable import BookKit
import Notebook

/// Small ways prose goes wrong: a directive with spaces, a directive meant literally,
/// an include of what must not be published, a chapter that was deleted.
@Suite("Prose that must not slip through")
struct ProseSafetyTests {
    func resolve(_ fixture: Fixture, _ prose: String) throws -> ResolvedChapter {
        let chapter = try fixture.chapter("01-test", prose: prose)
        return try fixture.resolver(chapter, record: sampleRecord()).resolve()
    }

    @Test func directiveWrittenWithSpacesIsAnError() throws {
        let fixture = try Fixture()
        let error = #expect(throws: BookError.self) { try resolve(fixture, "# T\n\n{{ #cell greet }}\n") }
        #expect(error?.location == "Chapters/01-test/README.md:3")
        #expect(error?.message.contains("has spaces after '{{': write it '{{#cell ...}}'") == true)
    }

    @Test func escapedDirectiveIsShownLiterally() throws {
        let fixture = try Fixture()
        let page = try resolve(fixture, "# T\n\nWrite \\{{#cell name}} on a line of its own, and `\\{{#value x}}` in a sentence.\n\n{{#cell greet}}\n")
        #expect(page.html.contains("Write {{#cell name}} on a line of its own, and <code>{{#value x}}</code> in a sentence."))
    }

    @Test func includeOfGitInternalsOrIgnoredFilesIsRefused() throws {
        let fixture = try Fixture()
        try fixture.write(".git/config", "[core]\n")
        let insideGit = #expect(throws: BookError.self) { try resolve(fixture, "# T\n\n{{#include ../../.git/config}}\n") }
        #expect(insideGit?.message.contains("is inside .git/") == true)

        let git = try ChildProcess(executable: "git", arguments: ["init", "-q", fixture.root.path],
                                   environment: ProcessInfo.processInfo.environment, output: .file("/dev/null"))
        try #require(git.wait(timeout: 30) == .exited(0))
        try fixture.write(".gitignore", "secrets.txt\n")
        try fixture.write("secrets.txt", "token\n")
        let ignored = #expect(throws: BookError.self) { try resolve(fixture, "# T\n\n{{#include ../../secrets.txt}}\n") }
        #expect(ignored?.message.contains("is ignored by git (secrets.txt)") == true)
    }

    @Test func deletedChapterLeavesNoPageFigureOrRun() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-kept", prose: "# Kept\n")
        try fixture.write("book/02-gone.html", "old")
        try fixture.write("book/figures/02-gone-workers.svg", "<svg/>")
        try fixture.write("book/figures/01-kept-workers.svg", "<svg/>")
        try fixture.write(".book/runs/02-gone/results.json", "{}")
        try fixture.write(".book/runs/02-gone.failed.json", "{}")
        let book = Book(repository: try fixture.repository, buildDirectory: try fixture.buildDirectory,
                        swiftc: "swiftc", compilerVersion: "test", say: { _ in })
        try book.renderOnly()
        #expect(fixture.read("book/01-kept.html") != nil)
        #expect(fixture.read("book/02-gone.html") == nil)
        #expect(fixture.read("book/figures/02-gone-workers.svg") == nil)
        #expect(fixture.read("book/figures/01-kept-workers.svg") != nil)
        #expect(fixture.read(".book/runs/02-gone/results.json") == nil)
        #expect(fixture.read(".book/runs/02-gone.failed.json") == nil)
    }
}
