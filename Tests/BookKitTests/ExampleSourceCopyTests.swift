import Foundation
import Testing
@testable import BookKit

/// The compiler reads a copy of each example without the book's bookkeeping lines.
@Suite("The compiler's view of an example")
struct ExampleSourceCopyTests {
    @Test func bookkeepingLinesAreBlankAndLineNumbersKept() throws {
        let fixture = try Fixture()
        let text = "// A comment that stays.\n// ANCHOR: shown\nlet n = 1\n  // ANCHOR_END: shown\n// expect-error: x\n// swiftc: -O\n// library: L.swift\n// expected: stays\n"
        let url = try fixture.write("Chapters/01-x/examples/E.swift", text)
        let work = fixture.root.appendingPathComponent("work")
        let copy = try ExampleSourceCopy.write(url, as: "Chapters/01-x/examples/E.swift", into: work)
        #expect(copy.path == work.appendingPathComponent("Chapters/01-x/examples/E.swift").path)
        let lines = try String(contentsOf: copy, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["// A comment that stays.", "", "let n = 1", "", "", "", "", "// expected: stays", ""])
    }

    @Test func aDiagnosticQuotesNoAnchorLinesAndNamesTheRealFile() throws {
        let fixture = try Fixture()
        let path = "Chapters/01-x/compile-fail/Example.swift"
        let url = try fixture.write(path, "// ANCHOR: shown\nlet number: Int = \"four\"\n// ANCHOR_END: shown\n\n// expect-error: cannot convert value of type 'String'\n")
        let source = try AnchoredSource(contentsOf: url, displayPath: path)
        let runner = ExampleRunner(repository: try fixture.repository, compilerVersion: "test-\(UUID())")
        let result = try runner.run(.compileFail, source: source, url: url, location: "README.md:2")
        #expect(result.output.contains("\(path):2:"))
        #expect(!result.output.contains("ANCHOR"))
        #expect(!result.output.contains("expect-error"))
        #expect(result.command.hasSuffix("-c \(path)"))
    }
}
