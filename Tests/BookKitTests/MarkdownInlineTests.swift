import Testing
@testable import BookKit

/// Inline constructs: emphasis, code spans, escapes, entities, breaks, links.
/// Expected HTML follows the CommonMark spec's examples.
@Suite struct MarkdownInlineTests {
    private func html(_ markdown: String) -> String { Markdown.toHTML(markdown) }

    @Test func emphasisAndStrong() {
        #expect(html("*em* _em_ **strong** __strong__") ==
            "<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong></p>\n")
        #expect(html("***strong emph***") == "<p><em><strong>strong emph</strong></em></p>\n")
        #expect(html("*foo**bar**baz*") == "<p><em>foo<strong>bar</strong>baz</em></p>\n")
        #expect(html("__foo, __bar__, baz__") == "<p><strong>foo, <strong>bar</strong>, baz</strong></p>\n")
        #expect(html("*(*foo*)*") == "<p><em>(<em>foo</em>)</em></p>\n")
    }

    @Test func flankingRules() {
        // `*` may be intraword; `_` may not.
        #expect(html("foo*bar*") == "<p>foo<em>bar</em></p>\n")
        #expect(html("snake_case_name") == "<p>snake_case_name</p>\n")
        #expect(html("_foo_bar_") == "<p><em>foo_bar</em></p>\n")
        // A delimiter followed by whitespace cannot open.
        #expect(html("a * not emphasis *") == "<p>a * not emphasis *</p>\n")
        // Unbalanced runs leave the extra delimiters as text.
        #expect(html("**foo*") == "<p>*<em>foo</em></p>\n")
        #expect(html("*foo**") == "<p><em>foo</em>*</p>\n")
        // The rule of 3.
        #expect(html("*foo**bar*") == "<p><em>foo**bar</em></p>\n")
    }

    @Test func codeSpans() {
        #expect(html("`code`") == "<p><code>code</code></p>\n")
        #expect(html("`` foo ` bar ``") == "<p><code>foo ` bar</code></p>\n")
        #expect(html("` `` `") == "<p><code>``</code></p>\n")
        // Backslash escapes do not work in code spans.
        #expect(html("`foo\\`bar`") == "<p><code>foo\\</code>bar`</p>\n")
        // Line endings become spaces; the content is escaped.
        #expect(html("`a\nb <c>`") == "<p><code>a b &lt;c&gt;</code></p>\n")
        #expect(html("`unclosed") == "<p>`unclosed</p>\n")
        // Code spans bind tighter than emphasis.
        #expect(html("*a `*` b*") == "<p><em>a <code>*</code> b</em></p>\n")
    }

    @Test func backslashEscapes() {
        #expect(html("a\\*b\\_c \\# \\[x\\]") == "<p>a*b_c # [x]</p>\n")
        #expect(html("\\a \\\\") == "<p>\\a \\</p>\n")
    }

    @Test func entityReferencesPassThrough() {
        #expect(html("&amp; &copy; &#169; &#xA9;") == "<p>&amp; &copy; &#169; &#xA9;</p>\n")
        #expect(html("AT&T &bogus") == "<p>AT&amp;T &amp;bogus</p>\n")
        // An escaped ampersand is just an ampersand.
        #expect(html("\\&amp;") == "<p>&amp;amp;</p>\n")
    }

    @Test func hardAndSoftBreaks() {
        #expect(html("one  \ntwo\\\nthree\nfour") == "<p>one<br />\ntwo<br />\nthree\nfour</p>\n")
        // Trailing spaces at the end of a paragraph are not a break.
        #expect(html("end  ") == "<p>end</p>\n")
    }

    @Test func textIsEscaped() {
        #expect(html("a < b > c & d \"q\" 's'") == "<p>a &lt; b &gt; c &amp; d &quot;q&quot; 's'</p>\n")
        #expect(html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        #expect(html("x <script src=\"e.js\"></script> y") == "<p>x &lt;script src=&quot;e.js&quot;&gt;&lt;/script&gt; y</p>\n")
        #expect(html("<style>p{}</style>") == "<p>&lt;style&gt;p{}&lt;/style&gt;</p>\n")
    }

    @Test func inlineRawHTML() {
        #expect(html("Inline <span class=\"x\">html</span> and <br/>") ==
            "<p>Inline <span class=\"x\">html</span> and <br/></p>\n")
        #expect(html("a <!-- note --> b") == "<p>a <!-- note --> b</p>\n")
        // Not a tag: escaped.
        #expect(html("a <3 b") == "<p>a &lt;3 b</p>\n")
    }
}
