import Testing
@testable import BookKit

/// Links, reference links, autolinks, images, and the refusal of `javascript:`.
@Suite struct MarkdownLinkTests {
    private func html(_ markdown: String) -> String { Markdown.toHTML(markdown) }

    @Test func inlineLinks() {
        #expect(html("[text](https://example.com \"Title\")") ==
            "<p><a href=\"https://example.com\" title=\"Title\">text</a></p>\n")
        #expect(html("[a](</my url> 'q')") == "<p><a href=\"/my%20url\" title=\"q\">a</a></p>\n")
        #expect(html("[empty]()") == "<p><a href=\"\">empty</a></p>\n")
        #expect(html("[*em* `code`](/p)") == "<p><a href=\"/p\"><em>em</em> <code>code</code></a></p>\n")
        // A space in a bare destination means it is not a link.
        #expect(html("[a](b c)") == "<p>[a](b c)</p>\n")
        // Balanced parentheses belong to the destination.
        #expect(html("[a](f(x))") == "<p><a href=\"f(x)\">a</a></p>\n")
    }

    @Test func urlsAndTitlesAreEscaped() {
        #expect(html("[a](/q?x=1&y=\"2\" \"say \\\"hi\\\" & <go>\")") ==
            "<p><a href=\"/q?x=1&amp;y=%222%22\" title=\"say &quot;hi&quot; &amp; &lt;go&gt;\">a</a></p>\n")
        #expect(html("[a](/caf\u{E9})") == "<p><a href=\"/caf%C3%A9\">a</a></p>\n")
    }

    @Test func referenceLinks() {
        let source = """
            [Swift][swift-org], [Swift][], [swift] and [missing][nope].

            [swift-org]: https://swift.org "The site"
            [SWIFT]: /local
            [swift]: /ignored-second-definition
            """
        #expect(html(source) == """
            <p><a href="https://swift.org" title="The site">Swift</a>, <a href="/local">Swift</a>, \
            <a href="/local">swift</a> and [missing][nope].</p>\n
            """)
    }

    @Test func linksDoNotNest() {
        #expect(html("[a [b](/inner) c](/outer)") == "<p>[a <a href=\"/inner\">b</a> c](/outer)</p>\n")
    }

    @Test func autolinks() {
        #expect(html("<https://example.com/?a=1&b=2>") ==
            "<p><a href=\"https://example.com/?a=1&amp;b=2\">https://example.com/?a=1&amp;b=2</a></p>\n")
        #expect(html("<me@example.com>") == "<p><a href=\"mailto:me@example.com\">me@example.com</a></p>\n")
    }

    @Test func images() {
        #expect(html("![a *cat*](cat.png \"Cat\")") == "<p><img src=\"cat.png\" alt=\"a cat\" title=\"Cat\" /></p>\n")
        #expect(html("[![logo](l.png)](/home)") == "<p><a href=\"/home\"><img src=\"l.png\" alt=\"logo\" /></a></p>\n")
    }

    @Test func javascriptURLsAreRefused() {
        #expect(html("[click](javascript:alert(1))") == "<p>click</p>\n")
        #expect(html("[c](JavaScript:void(0))") == "<p>c</p>\n")
        #expect(html("<javascript:alert(2)>") == "<p>javascript:alert(2)</p>\n")
        #expect(html("![x](javascript:alert(1))") == "<p>x</p>\n")
        // Entities and escapes cannot smuggle the scheme past the check.
        #expect(html("[e](&#106;avascript:alert(1))") == "<p>e</p>\n")
        #expect(html("[r][bad]\n\n[bad]: javascript:alert(1)") == "<p>r</p>\n")
        #expect(html("[v](vbscript:x) [d](data:text/html,x)") == "<p>v d</p>\n")
        // Ordinary URLs are untouched.
        #expect(html("[ok](/path)") == "<p><a href=\"/path\">ok</a></p>\n")
    }
}
