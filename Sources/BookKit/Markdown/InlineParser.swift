extension Markdown {
    /// Stage 2 of the pipeline: turns the raw text of a paragraph, heading or table
    /// cell into inline content (CommonMark section 6).
    ///
    /// One pass from left to right reads code spans, escapes, autolinks, raw HTML and
    /// entities directly. Emphasis and links need to look back, so `*`/`_` runs and
    /// `[` openers are kept aside as markers; a `]` resolves the link it closes, and
    /// emphasis is resolved last ("process emphasis" in the spec).
    struct InlineParser {
        /// What the parser has produced so far: finished inlines, and delimiter runs
        /// whose role is not known yet.
        private enum Item {
            case inline(Inline)
            case delimiterRun(DelimiterRun)
        }

        /// A `[` or `![` waiting for its `]`.
        private struct BracketOpener {
            /// Where the opener's `[` text sits in `items`.
            let itemIndex: Int
            /// Where the link text starts in the source, for shortcut references.
            let textStart: Int
            let isImage: Bool
            /// Links cannot contain links: once a link is made, the `[` openers before
            /// it die (`![` openers live on: an image's text may hold a link).
            var isActive = true
        }

        private let text: [Unicode.Scalar]
        private let references: [String: LinkReference]
        private var position = 0
        private var items: [Item] = []
        private var brackets: [BracketOpener] = []

        /// Parses `source`, resolving reference links with `references`.
        static func parse(_ source: String, references: [String: LinkReference]) -> [Inline] {
            var parser = InlineParser(text: Array(source.unicodeScalars), references: references)
            return parser.parseAll()
        }

        private init(text: [Unicode.Scalar], references: [String: LinkReference]) {
            self.text = text
            self.references = references
        }

        private mutating func parseAll() -> [Inline] {
            while position < text.count {
                switch text[position] {
                case "\n": parseLineEnding()
                case "\\": parseBackslash()
                case "`": parseCodeSpan()
                case "*", "_": parseDelimiterRun()
                case "[": openBracket(isImage: false)
                case "!" where text[safe: position + 1] == "[": openBracket(isImage: true)
                case "]": closeBracket()
                case "<": parseAngleBracket()
                case "&": parseEntity()
                default: parseText()
                }
            }
            processEmphasis(above: 0)
            return Self.inlines(from: items[...])
        }

        // MARK: - Simple constructs

        /// Characters that may start something other than plain text.
        private static func isSpecial(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "\n", "\\", "`", "*", "_", "[", "!", "]", "<", "&": true
            default: false
            }
        }

        private mutating func parseText() {
            let start = position
            position += 1
            while position < text.count, !Self.isSpecial(text[position]) { position += 1 }
            appendText(String(scalars: text[start..<position]))
        }

        private mutating func appendText(_ string: String) {
            items.append(.inline(.text(string)))
        }

        /// A line ending is a hard break after two or more spaces, a soft break
        /// otherwise. Spaces around it are dropped.
        private mutating func parseLineEnding() {
            var isHard = false
            if case .inline(.text(let previous))? = items.last {
                let trailingSpaces = previous.unicodeScalars.reversed().prefix(while: { $0 == " " }).count
                isHard = trailingSpaces >= 2
                items[items.count - 1] = .inline(.text(previous.trimmingTrailingSpaces()))
            }
            items.append(.inline(isHard ? .hardBreak : .softBreak))
            position += 1
            skipLeadingSpaces()
        }

        private mutating func skipLeadingSpaces() {
            while text[safe: position]?.isSpaceOrTab == true { position += 1 }
        }

        /// `\` before punctuation makes it literal; before a line ending, a hard break.
        private mutating func parseBackslash() {
            let next = text[safe: position + 1]
            if next == "\n" {
                items.append(.inline(.hardBreak))
                position += 2
                skipLeadingSpaces()
            } else if let next, next.isASCIIPunctuation {
                appendText(String(next))
                position += 2
            } else {
                appendText("\\")
                position += 1
            }
        }

        /// A code span: a run of backticks up to the next run of the same length.
        private mutating func parseCodeSpan() {
            let openLength = runLength(of: "`", at: position)
            let contentStart = position + openLength
            var i = contentStart
            while i < text.count {
                guard text[i] == "`" else {
                    i += 1
                    continue
                }
                let closeLength = runLength(of: "`", at: i)
                if closeLength == openLength {
                    items.append(.inline(.code(Self.codeSpanContent(text[contentStart..<i]))))
                    position = i + closeLength
                    return
                }
                i += closeLength
            }
            // No closing run: the backticks are literal.
            appendText(String(repeating: "`", count: openLength))
            position = contentStart
        }

        /// Line endings become spaces; one space is stripped from each end if both
        /// ends have one (so `` ` `` `` can show a backtick), unless all are spaces.
        private static func codeSpanContent(_ raw: ArraySlice<Unicode.Scalar>) -> String {
            var content = raw.map { $0 == "\n" ? " " : $0 }
            if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                content.removeFirst()
                content.removeLast()
            }
            return String(scalars: content)
        }

        private func runLength(of c: Unicode.Scalar, at start: Int) -> Int {
            var i = start
            while text[safe: i] == c { i += 1 }
            return i - start
        }

        /// `<` starts an autolink, raw HTML, or is just a `<`.
        private mutating func parseAngleBracket() {
            if let (destination, label, end) = autolink() {
                items.append(.inline(.link(destination: destination, title: nil, content: [.text(label)])))
                position = end
            } else if let (_, end) = HTMLTagScanner.scan(text, from: position) {
                items.append(.inline(.rawHTML(String(scalars: text[position..<end]))))
                position = end
            } else {
                appendText("<")
                position += 1
            }
        }

        /// `<scheme:...>` or `<user@example.com>`.
        private func autolink() -> (destination: String, label: String, end: Int)? {
            let start = position + 1
            guard let close = text[start...].firstIndex(where: { $0 == ">" || $0 == "<" || $0.value <= 0x20 }),
                  text[close] == ">"
            else { return nil }
            let body = text[start..<close]
            let label = String(scalars: body)
            if Self.isAbsoluteURI(body) {
                return (EntityReference.decodeAll(body), label, close + 1)
            }
            if Self.isEmailAddress(body) {
                return ("mailto:" + label, label, close + 1)
            }
            return nil
        }

        /// A scheme of 2 to 32 characters, a colon, then anything (spaces and `<>`
        /// were already excluded).
        private static func isAbsoluteURI(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
            guard let colon = body.firstIndex(of: ":") else { return false }
            let scheme = body[body.startIndex..<colon]
            guard (2...32).contains(scheme.count), scheme.first?.isASCIILetter == true else { return false }
            return scheme.allSatisfy { $0.isASCIIAlphanumeric || $0 == "+" || $0 == "." || $0 == "-" }
        }

        private static func isEmailAddress(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
            guard let at = body.firstIndex(of: "@") else { return false }
            let local = body[body.startIndex..<at]
            let domain = body[(at + 1)...]
            let localCharacters = ".!#$%&'*+/=?^_`{|}~-".unicodeScalars
            guard !local.isEmpty, local.allSatisfy({ $0.isASCIIAlphanumeric || localCharacters.contains($0) })
            else { return false }
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            return labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }
            }
        }

        /// An entity reference is kept as written; a lone `&` is text.
        private mutating func parseEntity() {
            if let end = EntityReference.scan(text, from: position) {
                items.append(.inline(.entity(String(scalars: text[position..<end]))))
                position = end
            } else {
                appendText("&")
                position += 1
            }
        }

        // MARK: - Emphasis

        private mutating func parseDelimiterRun() {
            let character = text[position]
            let count = runLength(of: character, at: position)
            let run = DelimiterRun(character: character, count: count,
                                   before: text[safe: position - 1], after: text[safe: position + count])
            items.append(.delimiterRun(run))
            position += count
        }

        /// Pairs up delimiter runs in `items[bottom...]` into emphasis and strong
        /// emphasis, innermost closers first, as the spec's "process emphasis" does.
        private mutating func processEmphasis(above bottom: Int) {
            // Where a search for an opener found nothing, the next search of the same
            // kind can stop: without this, a line of unmatched `a*` runs is quadratic.
            var searchedDownTo: [OpenerSearch: Int] = [:]
            var closerIndex = bottom
            while closerIndex < items.count {
                guard case .delimiterRun(var closer) = items[closerIndex], closer.canClose else {
                    closerIndex += 1
                    continue
                }
                let search = OpenerSearch(closer)
                let lowest = max(bottom, searchedDownTo[search] ?? bottom)
                guard let openerIndex = opener(for: closer, before: closerIndex, downTo: lowest),
                      case .delimiterRun(var opener) = items[openerIndex]
                else {
                    searchedDownTo[search] = closerIndex
                    closerIndex += 1
                    continue
                }
                // Use two delimiters from each side for strong emphasis when possible.
                let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
                opener.count -= used
                closer.count -= used
                let content = Self.inlines(from: items[(openerIndex + 1)..<closerIndex])
                var replacement: [Item] = []
                if opener.count > 0 { replacement.append(.delimiterRun(opener)) }
                replacement.append(.inline(used == 2 ? .strong(content) : .emphasis(content)))
                if closer.count > 0 { replacement.append(.delimiterRun(closer)) }
                items.replaceSubrange(openerIndex...closerIndex, with: replacement)
                // Items after the pair moved down; what was between them is gone.
                searchedDownTo = searchedDownTo.mapValues { min($0, openerIndex) }
                // A closer with delimiters left over may close another opener.
                closerIndex = openerIndex + replacement.count - (closer.count > 0 ? 1 : 0)
            }
        }

        /// What an opener search depends on besides position: closers that agree on
        /// these would find the same openers (the spec's `openers_bottom` keys).
        private struct OpenerSearch: Hashable {
            let character: Unicode.Scalar
            let closerCanOpen: Bool
            let lengthModulo3: Int

            init(_ closer: DelimiterRun) {
                character = closer.character
                closerCanOpen = closer.canOpen
                lengthModulo3 = closer.originalCount % 3
            }
        }

        /// The nearest run before `closerIndex`, and not below `lowest`, that can
        /// open for `closer`.
        private func opener(for closer: DelimiterRun, before closerIndex: Int, downTo lowest: Int) -> Int? {
            var index = closerIndex - 1
            while index >= lowest {
                if case .delimiterRun(let candidate) = items[index], candidate.canPair(withCloser: closer) {
                    return index
                }
                index -= 1
            }
            return nil
        }

        // MARK: - Links and images

        private mutating func openBracket(isImage: Bool) {
            let length = isImage ? 2 : 1
            brackets.append(BracketOpener(itemIndex: items.count, textStart: position + length, isImage: isImage))
            appendText(isImage ? "![" : "[")
            position += length
        }

        /// A `]`: if the nearest opener is followed by a link destination or a known
        /// reference, everything since the opener becomes a link or image.
        private mutating func closeBracket() {
            let bracketPosition = position
            position += 1
            guard let opener = brackets.last else {
                appendText("]")
                return
            }
            guard opener.isActive, let (destination, title, end) = linkTarget(textEnd: bracketPosition, opener: opener)
            else {
                brackets.removeLast()
                appendText("]")
                return
            }
            processEmphasis(above: opener.itemIndex + 1)
            let content = Self.inlines(from: items[(opener.itemIndex + 1)...])
            let link: Inline = opener.isImage
                ? .image(source: destination, title: title, alt: content)
                : .link(destination: destination, title: title, content: content)
            items.replaceSubrange(opener.itemIndex..., with: [.inline(link)])
            brackets.removeLast()
            if !opener.isImage {
                for index in brackets.indices where !brackets[index].isImage { brackets[index].isActive = false }
            }
            position = end
        }

        /// What follows a `]`: `(destination "title")`, `[label]`, `[]`, or nothing
        /// (then the link text itself is the label).
        private func linkTarget(textEnd: Int, opener: BracketOpener)
            -> (destination: String, title: String?, end: Int)?
        {
            if text[safe: position] == "(", let inline = inlineLinkTarget(from: position + 1) {
                return inline
            }
            let linkText = String(scalars: text[opener.textStart..<textEnd])
            let label: String
            var end = position
            if let (fullLabel, afterLabel) = LinkSyntax.label(text, from: position) {
                label = fullLabel
                end = afterLabel
            } else {
                if text[safe: position] == "[" && text[safe: position + 1] == "]" { end = position + 2 }
                label = linkText
            }
            guard let reference = references[LinkSyntax.normalize(label)] else { return nil }
            return (reference.destination, reference.title, end)
        }

        /// `(destination "title")` after the `(`.
        private func inlineLinkTarget(from start: Int) -> (destination: String, title: String?, end: Int)? {
            var i = LinkSyntax.skipSpaceAndOneNewline(text, from: start)
            var destination = ""
            if text[safe: i] != ")" {
                guard let (parsed, afterDestination) = LinkSyntax.destination(text, from: i) else { return nil }
                destination = parsed
                i = afterDestination
            }
            let afterDestination = i
            i = LinkSyntax.skipSpaceAndOneNewline(text, from: i)
            var title: String?
            if i > afterDestination, let (parsed, afterTitle) = LinkSyntax.title(text, from: i) {
                title = parsed
                i = LinkSyntax.skipSpaceAndOneNewline(text, from: afterTitle)
            }
            guard text[safe: i] == ")" else { return nil }
            return (destination, title, i + 1)
        }

        // MARK: - Output

        /// Finished inlines from `items`: unused delimiters become text, and
        /// neighbouring texts are joined.
        private static func inlines(from items: ArraySlice<Item>) -> [Inline] {
            var result: [Inline] = []
            for item in items {
                let inline: Inline
                switch item {
                case .inline(let finished):
                    inline = finished
                case .delimiterRun(let run):
                    inline = .text(String(repeating: String(run.character), count: run.count))
                }
                if case .text(let addition) = inline, case .text(let existing)? = result.last {
                    result[result.count - 1] = .text(existing + addition)
                } else if inline != .text("") {
                    result.append(inline)
                }
            }
            return result
        }
    }
}
