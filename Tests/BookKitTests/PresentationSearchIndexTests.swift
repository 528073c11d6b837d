import Foundation
import Testing
@testable import BookKit
import Notebook

@Suite("Search index")
struct PresentationSearchIndexTests {
    /// The JSON array inside `window.BOOK_SEARCH = [...];`, decoded.
    static func decode(_ script: String) throws -> [SearchIndex.Entry] {
        let marker = "window.BOOK_SEARCH = "
        let start = try #require(script.range(of: marker))
        #expect(script.hasSuffix(";\n"))
        let json = script[start.upperBound...].dropLast(2)
        return try JSONDecoder().decode([SearchIndex.Entry].self, from: Data(json.utf8))
    }

    @Test("The script assigns window.BOOK_SEARCH a JSON array with every heading")
    func headings() throws {
        let pages = (0..<3).map { PresentationPageTemplateTests.page($0) }
        let script = SearchIndex.script(pages)
        #expect(script.hasPrefix("// "))
        let entries = try Self.decode(script)
        #expect(entries.count == 6)
        #expect(entries.map(\.heading).filter { $0 == "Exercises" }.count == 3)
        #expect(entries.contains { $0.url == "02-locks.html#exercises" && $0.page == "2. Locks & races" })
        // A page's title heading links to the page itself.
        #expect(entries.contains { $0.url == "01-threads.html" && $0.heading == "Threads" })
    }

    @Test("Section text is plain: no tags, no chart text, entities decoded, and stops at the next heading")
    func text() throws {
        let body = """
        <h1 id="t">Title</h1>
        <p>Before &lt;any&gt; heading &amp; <code>more</code>.</p>
        <figure><svg><text>tick 250</text></svg><figcaption>A chart</figcaption></figure>
        <h2 id="s">Section</h2>
        <pre class="code"><code><span class="tok-keyword">let</span> mutex = Mutex(0)</code></pre>
        """
        let page = ChapterPage(link: PageLink(number: "1", title: "T", href: "01-t.html"), bodyHTML: body,
                               headings: [Heading(level: 1, text: "Title", id: "t"), Heading(level: 2, text: "Section", id: "s")],
                               stamp: nil, sourceFolder: "Chapters/01-t")
        let entries = try Self.decode(SearchIndex.script([page]))
        #expect(entries.count == 2)
        #expect(entries[0].text == "Title Before <any> heading & more. A chart")
        #expect(entries[1].text == "Section let mutex = Mutex(0)")
        #expect(entries[1].url == "01-t.html#s")
    }

    @Test("Text that could end a script or a line in JavaScript is made harmless")
    func hostileText() throws {
        let page = ChapterPage(link: PageLink(number: "", title: "</script>\u{2028}", href: "x.html"),
                               bodyHTML: "<p>text</p>", headings: [], stamp: nil, sourceFolder: "")
        let script = SearchIndex.script([page])
        #expect(!script.contains("\u{2028}"))
        let entries = try Self.decode(script)
        #expect(entries.first?.page == "</script>\u{2028}")
    }
}
