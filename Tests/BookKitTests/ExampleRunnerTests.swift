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

    @Test func exampleWithoutExpectationIsAnError() {
        let error = #expect(throws: BookError.self) { try run("let n: Int = \"x\"\n") }
        #expect(error?.message.contains("no '// expect-error: TEXT' line") == true)
    }
}
