extension Markdown {
    /// Recognizes the raw HTML that CommonMark lets through (spec section 6.6):
    /// open and closing tags, comments, processing instructions, declarations and
    /// CDATA sections. Used for inline HTML and for HTML blocks of kind 7.
    enum HTMLTagScanner {
        /// What was found at a `<`.
        enum Construct: Equatable {
            case openTag(name: String)
            case closingTag(name: String)
            case comment, processingInstruction, declaration, cdata
        }

        /// Tags that are never passed through as raw HTML, so that a page cannot
        /// run scripts or swallow the rest of the page. This is the list of GFM's
        /// "tagfilter" extension; such tags are escaped and shown as text instead.
        static let disallowedTagNames: Set<String> = [
            "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
        ]

        /// The construct that starts at `text[start]` (a `<`) and the index just past
        /// its end, or nil if there is none. Disallowed tags are not recognized.
        static func scan(_ text: [Unicode.Scalar], from start: Int) -> (construct: Construct, end: Int)? {
            guard text[safe: start] == "<", let next = text[safe: start + 1] else { return nil }
            let found: (Construct, Int)?
            switch next {
            case "/": found = closingTag(text, start + 2)
            case "?": found = endOf("?>", in: text, from: start + 2).map { (.processingInstruction, $0) }
            case "!": found = bang(text, start + 2)
            default: found = openTag(text, start + 1)
            }
            guard let (construct, end) = found else { return nil }
            switch construct {
            case .openTag(let name), .closingTag(let name):
                if disallowedTagNames.contains(name) { return nil }
            default:
                break
            }
            return (construct, end)
        }

        // MARK: - Tags

        /// A tag name: an ASCII letter then letters, digits and hyphens. Lowercased.
        static func tagName(_ text: [Unicode.Scalar], _ start: Int) -> (name: String, end: Int)? {
            guard let first = text[safe: start], first.isASCIILetter else { return nil }
            var i = start + 1
            while let c = text[safe: i], c.isASCIIAlphanumeric || c == "-" { i += 1 }
            return (String(scalars: text[start..<i]).lowercased(), i)
        }

        private static func openTag(_ text: [Unicode.Scalar], _ start: Int) -> (Construct, Int)? {
            guard let (name, afterName) = tagName(text, start) else { return nil }
            var i = afterName
            while true {
                let afterSpace = skipWhitespace(text, i)
                if afterSpace > i, let afterAttribute = attribute(text, afterSpace) {
                    i = afterAttribute
                    continue
                }
                i = afterSpace
                break
            }
            if text[safe: i] == "/" { i += 1 }
            guard text[safe: i] == ">" else { return nil }
            return (.openTag(name: name), i + 1)
        }

        private static func closingTag(_ text: [Unicode.Scalar], _ start: Int) -> (Construct, Int)? {
            guard let (name, afterName) = tagName(text, start) else { return nil }
            let i = skipWhitespace(text, afterName)
            guard text[safe: i] == ">" else { return nil }
            return (.closingTag(name: name), i + 1)
        }

        /// An attribute: a name, optionally followed by `=` and a value.
        private static func attribute(_ text: [Unicode.Scalar], _ start: Int) -> Int? {
            guard let first = text[safe: start], first.isASCIILetter || first == "_" || first == ":" else { return nil }
            var i = start + 1
            while let c = text[safe: i], c.isASCIIAlphanumeric || c == "_" || c == "." || c == ":" || c == "-" { i += 1 }
            let beforeValue = skipWhitespace(text, i)
            guard text[safe: beforeValue] == "=" else { return i }
            let valueStart = skipWhitespace(text, beforeValue + 1)
            guard let quote = text[safe: valueStart] else { return nil }
            if quote == "\"" || quote == "'" {
                var j = valueStart + 1
                while let c = text[safe: j], c != quote { j += 1 }
                return j < text.count ? j + 1 : nil
            }
            var j = valueStart
            while let c = text[safe: j], !c.isMarkdownWhitespace, !"\"'=<>`".unicodeScalars.contains(c) { j += 1 }
            return j > valueStart ? j : nil
        }

        private static func skipWhitespace(_ text: [Unicode.Scalar], _ start: Int) -> Int {
            var i = start
            while let c = text[safe: i], c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { i += 1 }
            return i
        }

        // MARK: - Comments, declarations, CDATA

        /// After `<!`: a comment, a CDATA section or a declaration.
        private static func bang(_ text: [Unicode.Scalar], _ start: Int) -> (Construct, Int)? {
            if hasPrefix("--", text, start) {
                // `<!-->` and `<!--->` are complete (empty) comments.
                if text[safe: start + 2] == ">" { return (.comment, start + 3) }
                if hasPrefix("->", text, start + 2) { return (.comment, start + 4) }
                return endOf("-->", in: text, from: start + 2).map { (.comment, $0) }
            }
            if hasPrefix("[CDATA[", text, start) {
                return endOf("]]>", in: text, from: start + 7).map { (.cdata, $0) }
            }
            if let c = text[safe: start], c.isASCIILetter {
                return endOf(">", in: text, from: start + 1).map { (.declaration, $0) }
            }
            return nil
        }

        static func hasPrefix(_ prefix: String, _ text: [Unicode.Scalar], _ start: Int) -> Bool {
            var i = start
            for p in prefix.unicodeScalars {
                guard text[safe: i] == p else { return false }
                i += 1
            }
            return true
        }

        /// The index just past the first `terminator` at or after `start`.
        static func endOf(_ terminator: String, in text: [Unicode.Scalar], from start: Int) -> Int? {
            let length = terminator.unicodeScalars.count
            var i = start
            while i + length <= text.count {
                if hasPrefix(terminator, text, i) { return i + length }
                i += 1
            }
            return nil
        }
    }
}
