extension Markdown {
    /// The seven kinds of HTML block (CommonMark section 4.6). Each starts with a
    /// particular kind of line and ends at its own end condition; the whole block
    /// is passed through verbatim.
    enum HTMLBlockKind: Equatable {
        /// 1: `<pre` ... `</pre>`. (The spec also lists script, style and textarea;
        /// those are never raw HTML here, see `HTMLTagScanner.disallowedTagNames`.)
        case preformatted
        /// 2: `<!--` ... `-->`.
        case comment
        /// 3: `<?` ... `?>`.
        case processingInstruction
        /// 4: `<!` and a letter ... `>`.
        case declaration
        /// 5: `<![CDATA[` ... `]]>`.
        case cdata
        /// 6: a known block-level tag such as `<div` or `<figure`, up to a blank line.
        case blankLineEnded
        /// 7: any other complete tag alone on its line, up to a blank line. It cannot
        /// interrupt a paragraph.
        case completeTag

        /// Block-level tag names that start a kind-6 block.
        private static let blockTagNames: Set<String> = [
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
            "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
            "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "header", "hr", "html", "legend", "li", "link", "main", "menu", "menuitem", "nav", "ol",
            "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "track", "ul",
        ]

        /// The kind of HTML block that `line` starts at `start` (where a `<` is), if any.
        init?(line: [Unicode.Scalar], start: Int, interruptsParagraph: Bool) {
            typealias Scanner = HTMLTagScanner
            guard line[safe: start] == "<" else { return nil }
            if Scanner.hasPrefix("<!--", line, start) { self = .comment; return }
            if Scanner.hasPrefix("<?", line, start) { self = .processingInstruction; return }
            if Scanner.hasPrefix("<![CDATA[", line, start) { self = .cdata; return }
            if Scanner.hasPrefix("<!", line, start), line[safe: start + 2]?.isASCIILetter == true {
                self = .declaration
                return
            }
            let isClosing = line[safe: start + 1] == "/"
            guard let (name, afterName) = Scanner.tagName(line, start + (isClosing ? 2 : 1)) else { return nil }
            let next = line[safe: afterName]
            let endsName = next == nil || next == " " || next == "\t" || next == ">"
            if !isClosing && name == "pre" && endsName {
                self = .preformatted
                return
            }
            let endsBlockTag = endsName || (next == "/" && line[safe: afterName + 1] == ">")
            if Self.blockTagNames.contains(name) && endsBlockTag {
                self = .blankLineEnded
                return
            }
            // Kind 7: a complete tag, then nothing but whitespace.
            guard !interruptsParagraph, name != "pre",
                  let (_, end) = Scanner.scan(line, from: start),
                  line[end...].allSatisfy(\.isSpaceOrTab)
            else { return nil }
            self = .completeTag
        }

        /// Whether the block ends at (and excluding) a blank line, rather than at a
        /// line containing its end marker.
        var endsAtBlankLine: Bool { self == .blankLineEnded || self == .completeTag }

        /// Whether `line` holds this block's end marker (kinds 1 to 5).
        func isEnd(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
            let marker: String
            switch self {
            case .preformatted: marker = "</pre>"
            case .comment: marker = "-->"
            case .processingInstruction: marker = "?>"
            case .declaration: marker = ">"
            case .cdata: marker = "]]>"
            case .blankLineEnded, .completeTag: return false
            }
            let lowered = String(scalars: line).lowercased()
            return lowered.contains(marker)
        }
    }
}
