import Foundation
import Testing
@testable import BookKit

/// What goes beyond CommonMark: heading ids, GitHub callouts, GFM tables, and
/// the renderer's speed.
@Suite struct MarkdownExtensionTests {
    private func html(_ markdown: String) -> String { Markdown.toHTML(markdown) }

    @Test func headingIdsAreGitHubSlugs() {
        #expect(html("## Hello, World! (Part 2)") ==
            "<h2 id=\"hello-world-part-2\">Hello, World! (Part 2)</h2>\n")
        #expect(html("# `async let` & *Tasks*") ==
            "<h1 id=\"async-let--tasks\"><code>async let</code> &amp; <em>Tasks</em></h1>\n")
        #expect(html("# snake_case and kebab-case") == "<h1 id=\"snake_case-and-kebab-case\">snake_case and kebab-case</h1>\n")
        #expect(html("# Caf\u{E9} \u{65E5}") == "<h1 id=\"caf\u{E9}-\u{65E5}\">Caf\u{E9} \u{65E5}</h1>\n")
    }

    @Test func duplicateHeadingIdsGetSuffixes() {
        let source = "# Setup\n## Setup\n### Setup\n# Setup-1\n"
        #expect(Markdown.headings(source).map(\.id) == ["setup", "setup-1", "setup-2", "setup-1-1"])
        #expect(html(source).contains("<h2 id=\"setup-1\">Setup</h2>"))
        #expect(html(source).contains("<h1 id=\"setup-1-1\">Setup-1</h1>"))
    }

    @Test func headingsListsEveryHeadingWithItsId() {
        let source = """
            # The *Book*
            Intro.

            Second part
            -----------
            > ## Quoted `code`
            - ### In a list
            ```
            # not a heading
            ```
            """
        #expect(Markdown.headings(source) == [
            Heading(level: 1, text: "The Book", id: "the-book"),
            Heading(level: 2, text: "Second part", id: "second-part"),
            Heading(level: 2, text: "Quoted code", id: "quoted-code"),
            Heading(level: 3, text: "In a list", id: "in-a-list"),
        ])
        // The ids are the ones in the HTML.
        let rendered = html(source)
        for heading in Markdown.headings(source) {
            #expect(rendered.contains("<h\(heading.level) id=\"\(heading.id)\">"))
        }
    }

    @Test func callouts() {
        #expect(html("> [!TIP]\n> Prefer `async let` here.") == """
            <div class="callout callout-tip">
            <p class="callout-title">Tip</p>
            <p>Prefer <code>async let</code> here.</p>
            </div>\n
            """)
        #expect(html("> [!warning]\n>\n> First.\n>\n> - a list") == """
            <div class="callout callout-warning">
            <p class="callout-title">Warning</p>
            <p>First.</p>
            <ul>
            <li>a list</li>
            </ul>
            </div>\n
            """)
        for (marker, title) in [("NOTE", "Note"), ("Important", "Important"), ("caution", "Caution")] {
            #expect(html("> [!\(marker)]\n> x") ==
                "<div class=\"callout callout-\(title.lowercased())\">\n<p class=\"callout-title\">\(title)</p>\n<p>x</p>\n</div>\n")
        }
        // Unknown kinds and markers with text after them stay block quotes.
        #expect(html("> [!FOO]\n> x") == "<blockquote>\n<p>[!FOO]\nx</p>\n</blockquote>\n")
        #expect(html("> [!NOTE] inline") == "<blockquote>\n<p>[!NOTE] inline</p>\n</blockquote>\n")
    }

    @Test func tablesWithAlignment() {
        let source = """
            | Name | Count | Ratio | Note |
            |:-----|------:|:-----:|------|
            | a    | 1     | 0.5   | `x` |
            | b    | 22    |
            """
        #expect(html(source) == """
            <div class="table-wrap">
            <table>
            <thead>
            <tr>
            <th style="text-align:left">Name</th>
            <th style="text-align:right">Count</th>
            <th style="text-align:center">Ratio</th>
            <th>Note</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align:left">a</td>
            <td style="text-align:right">1</td>
            <td style="text-align:center">0.5</td>
            <td><code>x</code></td>
            </tr>
            <tr>
            <td style="text-align:left">b</td>
            <td style="text-align:right">22</td>
            <td style="text-align:center"></td>
            <td></td>
            </tr>
            </tbody>
            </table>
            </div>\n
            """)
    }

    @Test func tableCellsEscapeAndSplitOnUnescapedPipes() {
        let source = "a | b\n--|--\n`x \\| y` | 1 \\| 2 <i>\nno pipes here\n\nafter"
        #expect(html(source) == """
            <div class="table-wrap">
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th>b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td><code>x | y</code></td>
            <td>1 | 2 <i></td>
            </tr>
            <tr>
            <td>no pipes here</td>
            <td></td>
            </tr>
            </tbody>
            </table>
            </div>
            <p>after</p>\n
            """)
    }

    @Test func tableNeedsMatchingDelimiterRow() {
        // Cell counts differ: not a table.
        #expect(html("| a | b |\n|---|\n") == "<p>| a | b |\n|---|</p>\n")
        // Lines before the header stay a paragraph; a block quote ends the table.
        #expect(html("intro\n| a |\n| - |\n| 1 |\n> q") == """
            <p>intro</p>
            <div class="table-wrap">
            <table>
            <thead>
            <tr>
            <th>a</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            </tr>
            </tbody>
            </table>
            </div>
            <blockquote>
            <p>q</p>
            </blockquote>\n
            """)
    }

    @Test func htmlEscapeEscapesAllFiveCharacters() {
        #expect(HTML.escape("<a href=\"x\">Tom & Jerry's</a>") ==
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escape("plain") == "plain")
    }

    @Test func fiveThousandLinesRenderQuickly() {
        var lines: [String] = []
        var section = 0
        while lines.count < 5_000 {
            section += 1
            lines += [
                "## Section \(section)", "",
                "Some *emphasis*, **strong**, `code`, a [link](https://example.com/\(section)) and & < >.", "",
                "- item one", "- item two with `code`", "  - nested item", "",
                "> [!NOTE]", "> A callout with *text*.", "",
                "| a | b |", "|:--|--:|", "| 1 | 2 |", "",
                "```swift", "let value = await compute(\(section)) // comment", "```", "",
            ]
        }
        let source = lines.prefix(5_000).joined(separator: "\n")
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure { output = Markdown.toHTML(source) }
        #expect(output.contains("<h2 id=\"section-1\">"))
        // Well under a second on an idle machine (about 0.1 s in a debug build);
        // the bound is wide so a loaded machine or the thread sanitizer does not fail it.
        #expect(elapsed < .seconds(5), "5,000 lines took \(elapsed)")
    }
}
