extension SwiftHighlighter {
    /// Splits Swift source into tokens by reading it once, left to right.
    ///
    /// Every character ends up in exactly one token, in order, so joining the
    /// tokens' texts gives back the source: the highlighter can only add color.
    /// Code that is not valid Swift is still tokenized, just less well.
    struct SwiftTokenizer {
        private let text: [Unicode.Scalar]
        private var position = 0
        /// Everything before this index is already in `tokens`.
        private var emitted = 0
        private var tokens: [Token] = []

        static func tokenize(_ code: String) -> [Token] {
            var tokenizer = SwiftTokenizer(text: Array(code.unicodeScalars))
            tokenizer.scanCode(insideInterpolation: false)
            tokenizer.emitPlain(upTo: tokenizer.text.count)
            return tokenizer.tokens
        }

        private init(text: [Unicode.Scalar]) {
            self.text = text
        }

        // MARK: - Output

        /// Adds `text[start..<end]` as a token of `kind`, after any plain text
        /// before it.
        private mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int) {
            emitPlain(upTo: start)
            guard end > start else { return }
            tokens.append(Token(kind: kind, text: String(scalars: text[start..<end])))
            emitted = end
        }

        private mutating func emitPlain(upTo end: Int) {
            guard end > emitted else { return }
            let plain = String(scalars: text[emitted..<end])
            if let last = tokens.last, last.kind == nil {
                tokens[tokens.count - 1].text += plain
            } else {
                tokens.append(Token(kind: nil, text: plain))
            }
            emitted = end
        }

        // MARK: - Code

        /// Reads code up to the end, or, inside a string interpolation `\( ... )`,
        /// up to the `)` that closes it (left for the string to read).
        private mutating func scanCode(insideInterpolation: Bool) {
            var depth = 0
            while let c = text[safe: position] {
                switch c {
                case "(":
                    depth += 1
                    position += 1
                case ")":
                    if insideInterpolation && depth == 0 { return }
                    depth -= 1
                    position += 1
                case "/" where text[safe: position + 1] == "/":
                    scanLineComment()
                case "/" where text[safe: position + 1] == "*":
                    scanBlockComment()
                case "\"":
                    scanString(hashes: 0)
                case "#":
                    scanHash()
                case "@" where text[safe: position + 1].map(Self.isIdentifierStart) == true:
                    let start = position
                    position = identifierEnd(from: position + 1)
                    emit(.attribute, from: start, to: position)
                case "`":
                    // A backticked name such as `default` is an ordinary identifier.
                    let end = text[(position + 1)...].firstIndex { $0 == "`" || $0 == "\n" }
                    position = end.map { text[$0] == "`" ? $0 + 1 : $0 } ?? text.count
                case _ where c.isASCIIDigit:
                    scanNumber()
                case _ where Self.isIdentifierStart(c):
                    scanIdentifier()
                default:
                    position += 1
                }
            }
        }

        private mutating func scanLineComment() {
            let start = position
            while let c = text[safe: position], c != "\n" { position += 1 }
            emit(.comment, from: start, to: position)
        }

        /// `/* ... */`, which nests in Swift.
        private mutating func scanBlockComment() {
            let start = position
            position += 2
            var depth = 1
            while depth > 0, position < text.count {
                if text[position] == "/" && text[safe: position + 1] == "*" {
                    depth += 1
                    position += 2
                } else if text[position] == "*" && text[safe: position + 1] == "/" {
                    depth -= 1
                    position += 2
                } else {
                    position += 1
                }
            }
            emit(.comment, from: start, to: position)
        }

        /// `#"raw string"#`, or a directive or macro such as `#if` or `#isolation`.
        private mutating func scanHash() {
            var hashes = 0
            while text[safe: position + hashes] == "#" { hashes += 1 }
            if text[safe: position + hashes] == "\"" {
                scanString(hashes: hashes)
            } else if hashes == 1, let next = text[safe: position + 1], Self.isIdentifierStart(next) {
                let start = position
                position = identifierEnd(from: position + 1)
                emit(.directive, from: start, to: position)
            } else {
                position += hashes
            }
        }

        // MARK: - Strings

        /// A string literal: `"..."`, `"""..."""`, or raw with `hashes` `#`s around it.
        /// Interpolated code `\(...)` (`\#(...)` in raw strings) is highlighted as code.
        private mutating func scanString(hashes: Int) {
            var segmentStart = position
            position += hashes
            let isMultiline = hasPrefix(#"""""#, at: position)
            let quoteLength = isMultiline ? 3 : 1
            position += quoteLength
            while let c = text[safe: position] {
                if c == "\n" && !isMultiline { break }  // Unterminated: stop at the line's end.
                if c == "\\" && hasHashes(hashes, at: position + 1) {
                    let afterEscape = position + 1 + hashes
                    if text[safe: afterEscape] == "(" {
                        emit(.string, from: segmentStart, to: afterEscape + 1)
                        position = afterEscape + 1
                        scanCode(insideInterpolation: true)
                        segmentStart = position
                        if position < text.count { position += 1 }  // The closing `)`.
                    } else {
                        position = afterEscape + 1  // An escape such as \n or \".
                    }
                    continue
                }
                if c == "\"" && (quoteLength == 1 || hasPrefix(#"""""#, at: position))
                    && hasHashes(hashes, at: position + quoteLength) {
                    position += quoteLength + hashes
                    break
                }
                position += 1
            }
            emit(.string, from: segmentStart, to: min(position, text.count))
        }

        private func hasPrefix(_ prefix: String, at start: Int) -> Bool {
            var index = start
            for scalar in prefix.unicodeScalars {
                guard text[safe: index] == scalar else { return false }
                index += 1
            }
            return true
        }

        private func hasHashes(_ count: Int, at start: Int) -> Bool {
            (0..<count).allSatisfy { text[safe: start + $0] == "#" }
        }

        // MARK: - Numbers and names

        /// `42`, `1_000`, `0x1F`, `0b1010`, `0o17`, `3.14`, `1e-3`, `0x1p4`.
        private mutating func scanNumber() {
            let start = position
            var isDigit: (Unicode.Scalar) -> Bool = { $0.isASCIIDigit }
            var exponent: Unicode.Scalar = "e"
            if text[position] == "0", let base = text[safe: position + 1], "xob".unicodeScalars.contains(base) {
                position += 2
                switch base {
                case "x":
                    isDigit = { $0.properties.isASCIIHexDigit }
                    exponent = "p"
                case "o": isDigit = { ("0"..."7").contains($0) }
                default: isDigit = { $0 == "0" || $0 == "1" }
                }
            }
            skipDigits(isDigit)
            // A fraction needs a digit after the point: `1.description` is a member.
            if text[safe: position] == ".", let next = text[safe: position + 1], isDigit(next) {
                position += 1
                skipDigits(isDigit)
            }
            if let e = text[safe: position], e.properties.lowercaseMapping == String(exponent) {
                var next = position + 1
                if text[safe: next] == "+" || text[safe: next] == "-" { next += 1 }
                if text[safe: next]?.isASCIIDigit == true {
                    position = next
                    skipDigits { $0.isASCIIDigit }
                }
            }
            emit(.number, from: start, to: position)
        }

        private mutating func skipDigits(_ isDigit: (Unicode.Scalar) -> Bool) {
            while let c = text[safe: position], isDigit(c) || c == "_" { position += 1 }
        }

        /// A keyword, a type (capitalized), a function being called, or a plain name.
        private mutating func scanIdentifier() {
            let start = position
            position = identifierEnd(from: position)
            let word = String(scalars: text[start..<position])
            let isMember = text[safe: start - 1] == "."
            let isCalled = text[safe: position] == "("
            let kind: Token.Kind?
            if Keywords.reserved.contains(word) && (!isMember || word == "init" || word == "self") {
                kind = .keyword
            } else if Keywords.contextual.contains(word) && !isMember && !isCalled {
                kind = .keyword
            } else if text[start].properties.isUppercase {
                kind = .type
            } else if isCalled && !isDeclaredName(at: start) {
                kind = .functionCall
            } else {
                kind = nil
            }
            if let kind { emit(kind, from: start, to: position) }
        }

        /// Whether the name at `start` follows `func`: it is being declared, not called.
        private func isDeclaredName(at start: Int) -> Bool {
            var index = start - 1
            while text[safe: index]?.isSpaceOrTab == true { index -= 1 }
            let keyword = "func".unicodeScalars
            guard index >= keyword.count - 1 else { return false }
            let before = text[(index + 1 - keyword.count)...index]
            return before.elementsEqual(keyword)
                && text[safe: index - keyword.count].map(Self.isIdentifierStart) != true
        }

        private func identifierEnd(from start: Int) -> Int {
            var index = start
            while let c = text[safe: index], Self.isIdentifierStart(c) || c.isASCIIDigit { index += 1 }
            return index
        }

        /// Letters, `_` and `$` (as in `$0`); any non-ASCII letter too.
        private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            c.isASCIILetter || c == "_" || c == "$" || (!c.isASCII && c.properties.isAlphabetic)
        }
    }
}
