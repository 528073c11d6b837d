import Foundation
import Testing

/// The `bookbuilder` command itself, as the Makefile calls it.
@Suite("The bookbuilder command")
struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let output: String
    }

    func bookbuilder(_ arguments: [String], input: String = "", in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Products.directory.appendingPathComponent("bookbuilder")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: output)
    }

    @Test func renderTurnsMarkdownOnStdinIntoHTML() throws {
        let result = try bookbuilder(["render"], input: "# Hi\n\nSome *text* and <script>.\n")
        #expect(result.status == 0)
        #expect(result.output == "<h1 id=\"hi\">Hi</h1>\n<p>Some <em>text</em> and &lt;script&gt;.</p>\n")
    }

    @Test func unknownChapterNamesTheChapters() throws {
        let fixture = try Fixture()
        _ = try fixture.chapter("01-first", prose: "# First\n")
        let result = try bookbuilder(["chapter", "42"], in: fixture.root)
        #expect(result.status == 1)
        #expect(result.output == "error: there is no chapter 42; chapters: 01-first\n")
    }

    @Test func outsideARepositoryIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-book-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try bookbuilder(["pages"], in: empty)
        #expect(result.status == 1)
        #expect(result.output.contains("is not the book's repository"))
    }

    @Test func withoutACommandItShowsUsage() throws {
        let result = try bookbuilder([])
        #expect(result.status == 1)
        #expect(result.output.contains("usage: bookbuilder book"))
    }
}
