extension Markdown {
    /// Stage 3 of the pipeline: writes the blocks as HTML, in the same shape as the
    /// CommonMark reference renderer (one block element per line, `<br />`, `<hr />`).
    struct HTMLRenderer {
        private var output = ""

        static func render(_ blocks: [Block]) -> String {
            var renderer = HTMLRenderer()
            for block in blocks { renderer.render(block, inTightList: false) }
            return renderer.output
        }

        /// Starts a new line unless the output is already at the start of one.
        private mutating func newline() {
            if !output.isEmpty && !output.hasSuffix("\n") { output += "\n" }
        }

        private mutating func render(_ block: Block, inTightList: Bool) {
            switch block {
            case .paragraph(let content):
                // Paragraphs of a tight list's items show their text without <p>.
                if inTightList {
                    output += Self.html(content)
                } else {
                    newline()
                    output += "<p>" + Self.html(content) + "</p>\n"
                }
            case .heading(let level, let content, let id):
                newline()
                output += "<h\(level) id=\"\(HTML.escape(id))\">" + Self.html(content) + "</h\(level)>\n"
            case .thematicBreak:
                newline()
                output += "<hr />\n"
            case .codeBlock(let info, let code):
                newline()
                output += Self.codeBlock(info: info, code: code)
            case .htmlBlock(let html):
                newline()
                output += html
                newline()
            case .blockQuote(let children):
                newline()
                output += "<blockquote>\n"
                for child in children { render(child, inTightList: false) }
                newline()
                output += "</blockquote>\n"
            case .callout(let callout, let children):
                newline()
                output += "<div class=\"callout callout-\(callout.rawValue)\">\n"
                output += "<p class=\"callout-title\">\(callout.title)</p>\n"
                for child in children { render(child, inTightList: false) }
                newline()
                output += "</div>\n"
            case .list(let style, let tight, let items):
                renderList(style, tight: tight, items: items)
            case .table(let table):
                renderTable(table)
            }
        }

        private mutating func renderList(_ style: ListStyle, tight: Bool, items: [[Block]]) {
            newline()
            let tag: String
            switch style {
            case .bullet:
                tag = "ul"
                output += "<ul>\n"
            case .ordered(let start):
                tag = "ol"
                output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in items {
                newline()
                output += "<li>"
                for child in item { render(child, inTightList: tight) }
                output += "</li>\n"
            }
            newline()
            output += "</\(tag)>\n"
        }

        /// A table inside a `div` that scrolls sideways on narrow screens.
        private mutating func renderTable(_ table: Table) {
            newline()
            output += "<div class=\"table-wrap\">\n<table>\n<thead>\n"
            output += Self.row(table.header, cellTag: "th", alignments: table.alignments)
            output += "</thead>\n"
            if !table.rows.isEmpty {
                output += "<tbody>\n"
                for row in table.rows {
                    output += Self.row(row, cellTag: "td", alignments: table.alignments)
                }
                output += "</tbody>\n"
            }
            output += "</table>\n</div>\n"
        }

        private static func row(_ cells: [[Inline]], cellTag: String, alignments: [TableAlignment]) -> String {
            var html = "<tr>\n"
            for (index, cell) in cells.enumerated() {
                let alignment = index < alignments.count ? alignments[index] : .none
                html += "<\(cellTag)\(alignment.styleAttribute)>" + Self.html(cell) + "</\(cellTag)>\n"
            }
            return html + "</tr>\n"
        }

        /// Swift code is highlighted; other code is only escaped.
        private static func codeBlock(info: String, code: String) -> String {
            let body = info.lowercased() == "swift" ? SwiftHighlighter.highlight(code) : HTML.escapeText(code)
            let classAttribute = info.isEmpty ? "" : " class=\"language-\(HTML.escape(info))\""
            return "<pre><code\(classAttribute)>" + body + "</code></pre>\n"
        }

        // MARK: - Inlines

        static func html(_ inlines: [Inline]) -> String {
            var html = ""
            for inline in inlines { html += Self.html(inline) }
            return html
        }

        private static func html(_ inline: Inline) -> String {
            switch inline {
            case .text(let text):
                return HTML.escapeText(text)
            case .softBreak:
                return "\n"
            case .hardBreak:
                return "<br />\n"
            case .code(let code):
                return "<code>" + HTML.escapeText(code) + "</code>"
            case .emphasis(let content):
                return "<em>" + html(content) + "</em>"
            case .strong(let content):
                return "<strong>" + html(content) + "</strong>"
            case .link(let destination, let title, let content):
                // A refused URL leaves just the link's text.
                guard LinkURL.isAllowed(destination) else { return html(content) }
                return "<a href=\"\(LinkURL.escaped(destination))\"\(titleAttribute(title))>" + html(content) + "</a>"
            case .image(let source, let title, let alt):
                let altText = HTML.escape(Markdown.plainText(alt))
                guard LinkURL.isAllowed(source) else { return altText }
                return "<img src=\"\(LinkURL.escaped(source))\" alt=\"\(altText)\"\(titleAttribute(title)) />"
            case .rawHTML(let raw), .entity(let raw):
                return raw
            }
        }

        private static func titleAttribute(_ title: String?) -> String {
            guard let title else { return "" }
            return " title=\"\(HTML.escape(title))\""
        }
    }
}
