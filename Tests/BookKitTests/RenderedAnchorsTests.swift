import Foundation
import Testing
@testable import BookKit
import Notebook

@Suite("A code region is shown at most once per chapter")
struct RenderedAnchorsTests {
    let code = """
        import Notebook
        // ANCHOR: helper
        func helper() -> String { "help" }
        // ANCHOR_END: helper
        // ANCHOR: greet
        func greet(_ cell: Cell) {
            print(helper())
        }
        // ANCHOR_END: greet
        """

    func resolve(_ prose: String) throws -> ResolvedChapter {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-test", prose: prose, sources: ["Greet.swift": code])
        try fixture.write("Sources/Lib/Queue.swift", "// ANCHOR: put\nfunc put() {}\n// ANCHOR_END: put\n")
        return try fixture.resolver(chapter, record: sampleRecord()).resolve()
    }

    func failure(_ prose: String) -> BookError? {
        #expect(throws: BookError.self) { try resolve(prose) }
    }

    @Test func codeThenCellOfTheSameAnchorIsRefused() {
        let error = failure("# T\n\n{{#code greet}}\n\n{{#cell greet}}\n")
        #expect(error?.location == "Chapters/01-test/README.md:5")
        #expect(error?.message.contains("'Chapters/01-test/Greet.swift#greet' is shown twice (first at Chapters/01-test/README.md:3)") == true)
    }

    @Test func theSameCodeTwiceIsRefused() {
        let error = failure("# T\n\n{{#code helper}}\n\n{{#code helper}}\n\n{{#output greet}}\n")
        #expect(error?.location == "Chapters/01-test/README.md:5")
    }

    @Test func theSameIncludeTwiceIsRefused() {
        let error = failure("# T\n\n{{#include ../../Sources/Lib/Queue.swift:put}}\n\n{{#include ../../Sources/Lib/Queue.swift:put}}\n\n{{#cell greet}}\n")
        #expect(error?.location == "Chapters/01-test/README.md:5")
    }

    @Test func distinctRegionsAndOutputsAreAccepted() throws {
        let page = try resolve("# T\n\n{{#code helper}}\n\n{{#cell greet}}\n\n{{#output greet}}\n")
        #expect(page.markdown.contains("func helper() -> String"))
        #expect(page.markdown.contains("func greet(_ cell: Cell)"))
    }
}
