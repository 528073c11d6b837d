extension Markdown {
    /// Entity references: `&name;`, `&#123;` and `&#x7B;` (CommonMark section 2.5).
    ///
    /// In running text they are passed through to the HTML unchanged; the browser
    /// knows all the names. Where the characters themselves are needed (URLs, whose
    /// scheme is checked, and heading slugs) numeric references and the common names
    /// below are decoded; any other name is left as written.
    enum EntityReference {
        private static let commonNames: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "hellip": "\u{2026}",
            "mdash": "\u{2014}", "ndash": "\u{2013}", "colon": ":", "Tab": "\t", "NewLine": "\n",
        ]

        /// The index just past a well-formed entity reference starting at `text[start]`
        /// (an `&`), or nil.
        static func scan(_ text: [Unicode.Scalar], from start: Int) -> Int? {
            guard text[safe: start] == "&" else { return nil }
            var i = start + 1
            if text[safe: i] == "#" {
                i += 1
                let isHex = text[safe: i] == "x" || text[safe: i] == "X"
                if isHex { i += 1 }
                let digitsStart = i
                while let c = text[safe: i], isHex ? c.properties.isASCIIHexDigit : c.isASCIIDigit { i += 1 }
                let digits = i - digitsStart
                guard digits >= 1, digits <= (isHex ? 6 : 7) else { return nil }
            } else {
                guard text[safe: i]?.isASCIILetter == true else { return nil }
                let nameStart = i
                while let c = text[safe: i], c.isASCIIAlphanumeric { i += 1 }
                guard i - nameStart <= 32 else { return nil }
            }
            return text[safe: i] == ";" ? i + 1 : nil
        }

        /// The characters a reference at `text[start]` stands for, and the index just
        /// past it; nil if it is not a reference or is a name this table lacks.
        static func decode(_ text: [Unicode.Scalar], from start: Int) -> (decoded: String, end: Int)? {
            guard let end = scan(text, from: start) else { return nil }
            let body = String(scalars: text[(start + 1)..<(end - 1)])
            if body.hasPrefix("#") {
                let isHex = body.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
                let digits = body.dropFirst(isHex ? 2 : 1)
                guard let value = UInt32(digits, radix: isHex ? 16 : 10) else { return nil }
                // Code point zero and invalid code points become the replacement character.
                let scalar = value == 0 ? nil : Unicode.Scalar(value)
                return (String(scalar ?? "\u{FFFD}"), end)
            }
            return commonNames[body].map { ($0, end) }
        }
    }
}

extension Markdown.EntityReference {
    /// `text` with every reference this table knows decoded (for autolink URLs,
    /// where backslash escapes do not apply but entities do).
    static func decodeAll<C: Collection>(_ text: C) -> String where C.Element == Unicode.Scalar {
        let scalars = Array(text)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let (decoded, end) = decode(scalars, from: i) {
                result.append(contentsOf: decoded.unicodeScalars)
                i = end
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }
}
