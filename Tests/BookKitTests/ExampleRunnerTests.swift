import Foundation
import Testing
@testable import BookKit

/// Compile-fail examples against the real compiler.
@Suite("Compile-fail examples")
struct ExampleRunnerTests {
    func run(_ text: String) throws -> ExampleRunner.Result {
        let fixture = try Fixture()
        let url = try fixture.write("Chapters/01-x/compile-fail/Example.swift", text)
        let source = try AnchoredSource(contentsOf: url, displayPath: "Chapters/01-x/compile-fail/Example.swift")
        let runner = ExampleRunner(repository: try fixture.repository, compilerVersion: "test-\(UUID())")
        return try runner.run(.compileFail, source: source, url: url, location: "README.md:9")
    }

    @Test func realDiagnosticIsCaptured() throws {
        let result = try run("""
            // expect-error: cannot convert value of type 'String' to specified type 'Int'
            let number: Int = "four"
            """)
        #expect(result.output.contains("Chapters/01-x/compile-fail/Example.swift:2"))
        #expect(result.output.contains("error: cannot convert value of type 'String' to specified type 'Int'"))
    }

    @Test func exampleThatCompilesFailsTheBuild() {
        let error = #expect(throws: BookError.self) { try run("// expect-error: anything\nlet fine = 1\n") }
        #expect(error?.location == "README.md:9")
        #expect(error?.message.contains("compiled without an error") == true)
    }

    @Test func missingExpectedTextFailsTheBuild() {
        let error = #expect(throws: BookError.self) { try run("// expect-error: some other complaint\nlet n: Int = \"x\"\n") }
        #expect(error?.message.contains("no longer contains 'some other complaint'") == true)
    }

    /// `make soak EXAMPLES=1`: every example built afresh, the book's cache left alone.
    @Test func aRunnerWithoutTheCacheNeitherReadsNorWritesIt() throws {
        let fixture = try Fixture()
        let url = try fixture.write("Chapters/01-x/compile-fail/Example.swift",
                                    "// expect-error: cannot convert value of type 'String'\nlet n: Int = \"x\"\n")
        let source = try AnchoredSource(contentsOf: url, displayPath: "Chapters/01-x/compile-fail/Example.swift")
        let repository = try fixture.repository
        let cache = repository.root.appendingPathComponent(".book/cache/examples")
        let version = "test-\(UUID())"

        let fresh = ExampleRunner(repository: repository, compilerVersion: version, usesCache: false)
        _ = try fresh.run(.compileFail, source: source, url: url, location: "README.md:9")
        #expect(!FileManager.default.fileExists(atPath: cache.path), "nothing written to the cache")

        let cached = ExampleRunner(repository: repository, compilerVersion: version)
        let first = try cached.run(.compileFail, source: source, url: url, location: "README.md:9")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(entries.count == 1)
        // A planted cache entry is what a cached runner returns, and what a fresh one ignores.
        var planted = first
        planted.output = "error: cannot convert value of type 'String' (planted)"
        try JSONEncoder().encode(planted).write(to: cache.appendingPathComponent(entries[0]))
        #expect(try cached.run(.compileFail, source: source, url: url, location: "README.md:9").output.hasSuffix("(planted)"))
        #expect(try fresh.run(.compileFail, source: source, url: url, location: "README.md:9").output == first.output)
    }

    @Test func exampleWithoutExpectationIsAnError() {
        let error = #expect(throws: BookError.self) { try run("let n: Int = \"x\"\n") }
        #expect(error?.message.contains("no '// expect-error: TEXT' line") == true)
    }
}
