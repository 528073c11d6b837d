import Testing
@testable import BookKit

/// Block constructs: headings, paragraphs, code blocks, lists, block quotes,
/// thematic breaks and raw HTML blocks.
@Suite struct MarkdownBlockTests {
    private func html(_ markdown: String) -> String { Markdown.toHTML(markdown) }

    @Test func atxHeadings() {
        #expect(html("# One\n## Two ##\n###### Six\n####### Seven\n#no space") == """
            <h1 id="one">One</h1>
            <h2 id="two">Two</h2>
            <h6 id="six">Six</h6>
            <p>####### Seven
            #no space</p>\n
            """)
        #expect(html("### foo \\###") == "<h3 id=\"foo-\">foo ###</h3>\n")
        #expect(html("#") == "<h1 id=\"section\"></h1>\n")
    }

    @Test func setextHeadings() {
        #expect(html("Title\n=====\nSub *part*\n---") ==
            "<h1 id=\"title\">Title</h1>\n<h2 id=\"sub-part\">Sub <em>part</em></h2>\n")
        // A setext underline needs a paragraph: alone, `---` is a thematic break.
        #expect(html("---") == "<hr />\n")
    }

    @Test func paragraphs() {
        #expect(html("one\ntwo\n\n\nthree") == "<p>one\ntwo</p>\n<p>three</p>\n")
        #expect(html("   leading spaces") == "<p>leading spaces</p>\n")
        #expect(html("") == "")
    }

    @Test func thematicBreaks() {
        #expect(html("* * *\n___\n- - -") == "<hr />\n<hr />\n<hr />\n")
        #expect(html("--") == "<p>--</p>\n")
    }

    @Test func fencedCodeBlocks() {
        #expect(html("```\n<b>&amp;</b>\n```") == "<pre><code>&lt;b&gt;&amp;amp;&lt;/b&gt;\n</code></pre>\n")
        // The info string's first word names the language.
        #expect(html("~~~ python extra words\nprint(\"hi\")\n~~~") ==
            "<pre><code class=\"language-python\">print(&quot;hi&quot;)\n</code></pre>\n")
        // A closing fence must be at least as long as the opening one.
        #expect(html("````md\n```\ninside\n```\n````") ==
            "<pre><code class=\"language-md\">```\ninside\n```\n</code></pre>\n")
        // Tildes may hold backticks; a backtick fence's info string may not.
        #expect(html("~~~\n```\n~~~") == "<pre><code>```\n</code></pre>\n")
        #expect(html("``` aa ```\nfoo") == "<p><code>aa</code>\nfoo</p>\n")
        // An unclosed fence runs to the end of the document.
        #expect(html("```\nunclosed\nfence") == "<pre><code>unclosed\nfence\n</code></pre>\n")
        #expect(html("```\n```") == "<pre><code></code></pre>\n")
    }

    @Test func fenceIndentationIsStripped() {
        // Content loses as many spaces as the opening fence was indented.
        #expect(html("  ```\n  aaa\n    bbb\n ccc\n  ```") == "<pre><code>aaa\n  bbb\nccc\n</code></pre>\n")
    }

    @Test func swiftFencesAreHighlighted() {
        #expect(html("```swift\nlet x = 1\n```") ==
            "<pre><code class=\"language-swift\"><span class=\"tok-keyword\">let</span> x = "
            + "<span class=\"tok-number\">1</span>\n</code></pre>\n")
    }

    @Test func indentedCodeBlocks() {
        #expect(html("    indented <code>\n      more\n\n    after blank\n\n") ==
            "<pre><code>indented &lt;code&gt;\n  more\n\nafter blank\n</code></pre>\n")
        // Indented code cannot interrupt a paragraph.
        #expect(html("para\n    still para") == "<p>para\nstill para</p>\n")
    }

    @Test func bulletListsTightAndLoose() {
        #expect(html("- a\n- b\n+ c") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ul>\n<li>c</li>\n</ul>\n")
        #expect(html("- a\n\n- b") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        // A blank line between blocks of one item also makes the list loose.
        #expect(html("- a\n\n  b\n- c") ==
            "<ul>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n")
    }

    @Test func orderedListsKeepTheirStart() {
        #expect(html("7) seven\n8) eight") == "<ol start=\"7\">\n<li>seven</li>\n<li>eight</li>\n</ol>\n")
        #expect(html("1. a\n2. b") == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        // Only a list starting at 1 may interrupt a paragraph.
        #expect(html("The year\n1999. was") == "<p>The year\n1999. was</p>\n")
    }

    @Test func nestedLists() {
        #expect(html("- a\n  - b\n    - c\n- d\n  1. e") == """
            <ul>
            <li>a
            <ul>
            <li>b
            <ul>
            <li>c</li>
            </ul>
            </li>
            </ul>
            </li>
            <li>d
            <ol>
            <li>e</li>
            </ol>
            </li>
            </ul>\n
            """)
        // Not indented enough to nest: siblings.
        #expect(html("- a\n - b\n  - c") == "<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ul>\n")
        // Content indented to the item's text column belongs to the item.
        #expect(html("1.  a\n\n    code?\n\n        real code") ==
            "<ol>\n<li>\n<p>a</p>\n<p>code?</p>\n<pre><code>real code\n</code></pre>\n</li>\n</ol>\n")
    }

    @Test func blockQuotes() {
        #expect(html("> quote\ncontinued lazily\n\n> > nested") ==
            "<blockquote>\n<p>quote\ncontinued lazily</p>\n</blockquote>\n"
            + "<blockquote>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>\n")
    }

    @Test func listsInsideBlockQuotesAndQuotesInsideLists() {
        #expect(html("> - in quote\n> - two\n>\n> para") ==
            "<blockquote>\n<ul>\n<li>in quote</li>\n<li>two</li>\n</ul>\n<p>para</p>\n</blockquote>\n")
        #expect(html("- item\n  > quote in item\n- next") ==
            "<ul>\n<li>item\n<blockquote>\n<p>quote in item</p>\n</blockquote>\n</li>\n<li>next</li>\n</ul>\n")
    }

    @Test func htmlBlocksPassThrough() {
        // Kind 6: a block-level tag; Markdown inside is not interpreted, up to a blank line.
        #expect(html("<div class=\"note\">\n*not emphasis*\n</div>\n\n*emphasis*") ==
            "<div class=\"note\">\n*not emphasis*\n</div>\n<p><em>emphasis</em></p>\n")
        #expect(html("<figure>\n<img src=\"a.png\">\n</figure>") == "<figure>\n<img src=\"a.png\">\n</figure>\n")
        #expect(html("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>") ==
            "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n")
        // Kind 2: a comment, up to `-->` even across blank lines.
        #expect(html("<!-- a comment\n\nspanning lines -->\nafter") ==
            "<!-- a comment\n\nspanning lines -->\n<p>after</p>\n")
        // Kind 1: `<pre>` keeps blank lines.
        #expect(html("<pre>\na\n\nb\n</pre>\ntext") == "<pre>\na\n\nb\n</pre>\n<p>text</p>\n")
        // Kind 7: any complete tag alone on a line, but it cannot interrupt a paragraph.
        #expect(html("<custom-element>\n*x*\n</custom-element>") ==
            "<custom-element>\n*x*\n</custom-element>\n")
        #expect(html("para\n<custom-element>") == "<p>para\n<custom-element></p>\n")
    }

    @Test func tabsCountAsFourColumns() {
        #expect(html("\tcode\twith tab") == "<pre><code>code\twith tab\n</code></pre>\n")
        #expect(html("-\tfoo\n\n\tbar") == "<ul>\n<li>\n<p>foo</p>\n<p>bar</p>\n</li>\n</ul>\n")
    }

    @Test func lineEndings() {
        #expect(html("a\r\nb\rc\n") == "<p>a\nb\nc</p>\n")
    }
}
