import Testing
@testable import BookKit

@Suite("Anchored regions of source files")
struct AnchoredSourceTests {
    let text = """
        import Foundation

        // ANCHOR: outer
        func outer() {
            // ANCHOR: inner
            let x = 1
            // ANCHOR_END: inner

            print(x)
        }
        // ANCHOR_END: outer
        """

    @Test func regionIsDedentedAndAnchorLinesAreHidden() throws {
        let source = try AnchoredSource(path: "A.swift", text: text)
        #expect(source.text(anchor: "inner") == "let x = 1")
        #expect(source.text(anchor: "outer") == "func outer() {\n    let x = 1\n\n    print(x)\n}")
        #expect(source.text(anchor: "missing") == nil)
    }

    @Test func wholeFileHasNoAnchorLines() throws {
        let whole = try #require(try AnchoredSource(path: "A.swift", text: text).text())
        #expect(!whole.contains("ANCHOR"))
        #expect(whole.hasPrefix("import Foundation\n\nfunc outer() {"))
    }

    @Test func unclosedAnchorIsAnErrorAtItsLine() {
        let error = #expect(throws: BookError.self) {
            try AnchoredSource(path: "B.swift", text: "a\n// ANCHOR: open\nb\n")
        }
        #expect(error?.description == "B.swift:2: anchor 'open' is never closed with ANCHOR_END")
    }

    @Test func endWithoutStartAndDuplicatesAreErrors() {
        let stray = #expect(throws: BookError.self) { try AnchoredSource(path: "C.swift", text: "// ANCHOR_END: x") }
        #expect(stray?.location == "C.swift:1")
        let twice = #expect(throws: BookError.self) {
            try AnchoredSource(path: "D.swift", text: "// ANCHOR: x\n// ANCHOR_END: x\n// ANCHOR: x\n// ANCHOR_END: x")
        }
        #expect(twice?.description == "D.swift:3: anchor 'x' is defined twice")
    }

    @Test func expectationLinesAreRead() throws {
        let source = try AnchoredSource(path: "E.swift", text: "// expect-error: first\nlet a = 1\n  // expect-error: second")
        #expect(source.directives("expect-error") == ["first", "second"])
    }
}

@Suite("Prose: front matter and directives")
struct ProseTests {
    @Test func frontMatterSetsTheBudgetAndIsRemoved() throws {
        let prose = try Prose(path: "P.md", text: "---\nbudget: 90\n---\n# Title\ntext")
        #expect(prose.frontMatter.budget == 90)
        #expect(prose.title == "Title")
        #expect(prose.lines.first?.number == 4)
    }

    @Test func badFrontMatterIsAnErrorAtItsLine() {
        let error = #expect(throws: BookError.self) { try Prose(path: "P.md", text: "---\nbudget: soon\n---\n") }
        #expect(error?.location == "P.md:2")
        let unknown = #expect(throws: BookError.self) { try Prose(path: "P.md", text: "---\ncolour: red\n---\n") }
        #expect(unknown?.message.contains("unknown front matter") == true)
    }

    @Test func blockDirectivesAreRecognised() throws {
        let line = Prose.Line(number: 7, text: "  {{#include ../../Sources/X.swift:put}}  ")
        let directive = try #require(try Directive.block(in: line, path: "P.md"))
        #expect(directive == Directive(kind: .include, argument: "../../Sources/X.swift:put", line: 7))
        #expect(try Directive.block(in: Prose.Line(number: 1, text: "text {{#value x}} more"), path: "P.md") == nil)
    }

    @Test func unknownDirectiveNamesTheKnownOnes() {
        let error = #expect(throws: BookError.self) {
            try Directive.block(in: Prose.Line(number: 3, text: "{{#celll x}}"), path: "P.md")
        }
        #expect(error?.location == "P.md:3")
        #expect(error?.message.contains("unknown directive '{{#celll}}'") == true)
    }

    @Test func directiveWithoutArgumentIsAnError() {
        let error = #expect(throws: BookError.self) {
            try Directive.block(in: Prose.Line(number: 5, text: "{{#cell}}"), path: "P.md")
        }
        #expect(error?.description == "P.md:5: {{#cell}} needs an argument")
    }
}
