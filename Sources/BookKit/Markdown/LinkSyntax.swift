extension Markdown {
    /// The pieces of link syntax shared by inline links and link reference
    /// definitions (CommonMark section 6.3): labels, destinations and titles.
    /// Each scanner takes the text and a start index and returns what it read and
    /// the index just past it, or nil.
    enum LinkSyntax {
        /// A link label `[...]`: at most 999 characters, no unescaped brackets, not
        /// blank. Returns the raw text between the brackets.
        static func label(_ text: [Unicode.Scalar], from start: Int) -> (label: String, end: Int)? {
            guard text[safe: start] == "[" else { return nil }
            var i = start + 1
            while let c = text[safe: i], c != "]" {
                if c == "[" { return nil }
                if c == "\\", let next = text[safe: i + 1], next.isASCIIPunctuation { i += 1 }
                i += 1
                if i - start > 1000 { return nil }
            }
            guard i < text.count else { return nil }
            let label = text[(start + 1)..<i]
            guard label.contains(where: { !$0.isMarkdownWhitespace }) else { return nil }
            return (String(scalars: label), i + 1)
        }

        /// A link destination: `<...>` or a run without spaces and with balanced
        /// parentheses. Returns it with backslash escapes and entities resolved.
        static func destination(_ text: [Unicode.Scalar], from start: Int) -> (destination: String, end: Int)? {
            if text[safe: start] == "<" {
                var i = start + 1
                while let c = text[safe: i], c != ">" {
                    if c == "<" || c == "\n" { return nil }
                    if c == "\\", let next = text[safe: i + 1], next.isASCIIPunctuation { i += 1 }
                    i += 1
                }
                guard i < text.count else { return nil }
                return (unescape(text[(start + 1)..<i]), i + 1)
            }
            var i = start
            var depth = 0
            while let c = text[safe: i] {
                if c == "\\", let next = text[safe: i + 1], next.isASCIIPunctuation {
                    i += 2
                    continue
                }
                if c == "(" {
                    depth += 1
                    if depth > 32 { return nil }
                } else if c == ")" {
                    if depth == 0 { break }
                    depth -= 1
                } else if c.value <= 0x20 || c.value == 0x7F {
                    break
                }
                i += 1
            }
            guard i > start, depth == 0 else { return nil }
            return (unescape(text[start..<i]), i)
        }

        /// A link title in `"..."`, `'...'` or `(...)`, with escapes and entities resolved.
        static func title(_ text: [Unicode.Scalar], from start: Int) -> (title: String, end: Int)? {
            guard let open = text[safe: start] else { return nil }
            let close: Unicode.Scalar
            switch open {
            case "\"": close = "\""
            case "'": close = "'"
            case "(": close = ")"
            default: return nil
            }
            var i = start + 1
            while let c = text[safe: i], c != close {
                if open == "(" && c == "(" { return nil }
                if c == "\\", let next = text[safe: i + 1], next.isASCIIPunctuation { i += 1 }
                i += 1
            }
            guard i < text.count else { return nil }
            return (unescape(text[(start + 1)..<i]), i + 1)
        }

        /// Skips spaces and tabs and at most one line ending: the whitespace allowed
        /// between the parts of a link.
        static func skipSpaceAndOneNewline(_ text: [Unicode.Scalar], from start: Int) -> Int {
            var i = start
            while text[safe: i]?.isSpaceOrTab == true { i += 1 }
            if text[safe: i] == "\n" {
                i += 1
                while text[safe: i]?.isSpaceOrTab == true { i += 1 }
            }
            return i
        }

        /// The form of a label used to match references with definitions: case
        /// folded, trimmed, inner whitespace collapsed to one space.
        static func normalize(_ label: String) -> String {
            label.lowercased()
                .split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isMarkdownWhitespace) })
                .joined(separator: " ")
        }

        /// Resolves backslash escapes and entity references (in destinations, titles
        /// and info strings, where they stand for the characters themselves).
        static func unescape<C: Collection>(_ text: C) -> String where C.Element == Unicode.Scalar {
            let scalars = Array(text)
            var result = String.UnicodeScalarView()
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if c == "\\", let next = scalars[safe: i + 1], next.isASCIIPunctuation {
                    result.append(next)
                    i += 2
                } else if c == "&", let (decoded, end) = EntityReference.decode(scalars, from: i) {
                    result.append(contentsOf: decoded.unicodeScalars)
                    i = end
                } else {
                    result.append(c)
                    i += 1
                }
            }
            return String(result)
        }
    }
}
