extension Markdown.BlockParser {
    typealias BlockNode = Markdown.BlockNode
    typealias Line = ArraySlice<Unicode.Scalar>

    /// What a block start did: opened a container (look for more starts inside
    /// it), opened a leaf (the line's text goes to it), or found nothing.
    enum BlockStart { case container, leaf, none }

    /// Tries each kind of block start, in the order the spec gives them precedence.
    func startNewBlock(in container: BlockNode) -> BlockStart {
        let starts: [(BlockNode) -> BlockStart] = [
            startBlockQuote, startATXHeading, startFencedCode, startHTMLBlock,
            startSetextHeading, startThematicBreak, startListItem, startIndentedCode,
            startTable,  // An extension: tried after all the CommonMark blocks.
        ]
        for start in starts {
            let result = start(container)
            if result != .none { return result }
        }
        return .none
    }

    // MARK: - Containers

    private func startBlockQuote(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, cursor.nextCharacter == ">" else { return .none }
        cursor.advanceToNextNonspace()
        cursor.advance(by: 1)
        // One space or tab after `>` belongs to the marker.
        if cursor.rest.first?.isSpaceOrTab == true { cursor.advance(by: 1, columns: true) }
        closeUnmatchedBlocks()
        addChild(.blockQuote)
        return .container
    }

    private func startListItem(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented || container.kind == .list,
              let marker = parseListMarker(interruptingParagraph: container.kind == .paragraph)
        else { return .none }
        closeUnmatchedBlocks()
        if tip.kind != .list || !tip.listMarker.continuesList(marker) {
            addChild(.list).listMarker = marker
        }
        addChild(.item).listMarker = marker
        return .container
    }

    /// Reads a list marker (`-`, `+`, `*`, `1.`, `1)`) and the spaces after it, and
    /// works out the column at which the item's content starts.
    private func parseListMarker(interruptingParagraph: Bool) -> Markdown.ListMarker? {
        guard !cursor.isIndented, let first = cursor.nextCharacter else { return nil }
        let rest = cursor.restFromNonspace
        var marker = Markdown.ListMarker(isOrdered: false, delimiter: first, start: 1,
                                         markerOffset: cursor.indent, padding: 0)
        var markerLength = 1
        if first == "-" || first == "+" || first == "*" {
            marker.isOrdered = false
        } else {
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard (1...9).contains(digits.count), let delimiter = rest.dropFirst(digits.count).first,
                  delimiter == "." || delimiter == ")",
                  let start = Int(String(scalars: digits))
            else { return nil }
            // Only a list starting at 1 may interrupt a paragraph.
            guard !interruptingParagraph || start == 1 else { return nil }
            marker.isOrdered = true
            marker.delimiter = delimiter
            marker.start = start
            markerLength = digits.count + 1
        }
        let afterMarker = rest.dropFirst(markerLength)
        if let next = afterMarker.first, !next.isSpaceOrTab { return nil }
        // An empty item cannot interrupt a paragraph.
        if interruptingParagraph && afterMarker.allSatisfy(\.isSpaceOrTab) { return nil }

        cursor.advanceToNextNonspace()
        cursor.advance(by: markerLength, columns: true)
        let spacesStartColumn = cursor.column
        let spacesStartOffset = cursor.offset
        repeat {
            cursor.advance(by: 1, columns: true)
        } while cursor.column - spacesStartColumn < 5 && cursor.rest.first?.isSpaceOrTab == true
        let isBlankItem = cursor.rest.isEmpty
        let spacesAfterMarker = cursor.column - spacesStartColumn
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || isBlankItem {
            // Five or more spaces start indented code inside the item; the content
            // then begins one space after the marker.
            marker.padding = markerLength + 1
            cursor.reset(offset: spacesStartOffset, column: spacesStartColumn)
            if cursor.rest.first?.isSpaceOrTab == true { cursor.advance(by: 1, columns: true) }
        } else {
            marker.padding = markerLength + spacesAfterMarker
        }
        return marker
    }

    // MARK: - Leaves

    private func startATXHeading(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, let level = Self.atxHeadingLevel(cursor.restFromNonspace) else { return .none }
        cursor.advanceToNextNonspace()
        closeUnmatchedBlocks()
        let heading = addChild(.heading)
        heading.headingLevel = level
        heading.content = Self.atxHeadingText(cursor.rest.dropFirst(level))
        cursor.advanceToEnd()
        return .leaf
    }

    /// 1 to 6 `#` followed by a space, a tab or the end of the line.
    static func atxHeadingLevel(_ line: Line) -> Int? {
        let level = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let next = line.dropFirst(level).first
        return next == nil || next!.isSpaceOrTab ? level : nil
    }

    /// A heading's text without the spaces around it and the optional closing `#`s.
    private static func atxHeadingText(_ text: Line) -> [Unicode.Scalar] {
        var scalars = Array(text.drop(while: \.isSpaceOrTab))
        while scalars.last?.isSpaceOrTab == true { scalars.removeLast() }
        var end = scalars.count
        while end > 0, scalars[end - 1] == "#" { end -= 1 }
        if end == 0 {
            scalars = []
        } else if end < scalars.count, scalars[end - 1].isSpaceOrTab {
            scalars.removeSubrange(end...)
            while scalars.last?.isSpaceOrTab == true { scalars.removeLast() }
        }
        return scalars
    }

    private func startFencedCode(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, let (character, length) = Self.openingFence(cursor.restFromNonspace) else {
            return .none
        }
        let info = cursor.restFromNonspace.dropFirst(length)
        if character == "`" && info.contains("`") { return .none }
        closeUnmatchedBlocks()
        let code = addChild(.codeBlock)
        code.isFenced = true
        code.fenceCharacter = character
        code.fenceLength = length
        code.fenceIndent = cursor.indent
        code.infoString = Markdown.LinkSyntax.unescape(info).trimmingSpaces()
        cursor.advanceToEnd()
        return .leaf
    }

    /// Three or more backticks or tildes.
    static func openingFence(_ line: Line) -> (character: Unicode.Scalar, length: Int)? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let length = line.prefix(while: { $0 == first }).count
        return length >= 3 ? (first, length) : nil
    }

    /// A run of the fence character at least as long as the opening one, then spaces.
    static func isClosingFence(_ line: Line, of code: BlockNode) -> Bool {
        let length = line.prefix(while: { $0 == code.fenceCharacter }).count
        return length >= code.fenceLength && line.dropFirst(length).allSatisfy(\.isSpaceOrTab)
    }

    private func startHTMLBlock(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, cursor.nextCharacter == "<" else { return .none }
        let interruptsParagraph = container.kind == .paragraph
            || (!allClosed && !cursor.isBlank && tip.kind == .paragraph)
        guard let kind = Markdown.HTMLBlockKind(line: cursor.line, start: cursor.nextNonspace,
                                                interruptsParagraph: interruptsParagraph)
        else { return .none }
        closeUnmatchedBlocks()
        // The cursor stays put: the indentation is part of the raw HTML.
        addChild(.htmlBlock).htmlBlockKind = kind
        return .leaf
    }

    /// A delimiter row under a paragraph line with as many cells turns that line
    /// into a table header (GFM tables extension).
    private func startTable(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, container.kind == .paragraph,
              let alignments = Markdown.TableSyntax.delimiterRow(cursor.restFromNonspace)
        else { return .none }
        var lines = container.content.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.last else { return .none }
        let header = Markdown.TableSyntax.cells(headerLine)
        guard header.count == alignments.count else { return .none }

        closeUnmatchedBlocks()
        // Lines above the header stay a paragraph (finalize drops it if none are left).
        container.content = lines.dropLast().flatMap { Array($0) + ["\n"] }
        finalize(container)
        let table = addChild(.table)
        table.tableAlignments = alignments
        table.tableHeader = header
        cursor.advanceToEnd()
        return .leaf
    }

    private func startSetextHeading(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, container.kind == .paragraph,
              let level = Self.setextUnderlineLevel(cursor.restFromNonspace)
        else { return .none }
        closeUnmatchedBlocks()
        // Reference definitions are not heading text.
        extractReferenceDefinitions(from: container)
        guard container.content.contains(where: { !$0.isMarkdownWhitespace }) else { return .none }
        let heading = BlockNode(kind: .heading, startLine: container.startLine)
        heading.headingLevel = level
        heading.content = container.content
        while heading.content.last?.isMarkdownWhitespace == true { heading.content.removeLast() }
        container.replace(with: heading)
        tip = heading
        cursor.advanceToEnd()
        return .leaf
    }

    /// `===` underlines a level 1 heading, `---` a level 2 one.
    private static func setextUnderlineLevel(_ line: Line) -> Int? {
        guard let first = line.first, first == "=" || first == "-" else { return nil }
        let length = line.prefix(while: { $0 == first }).count
        guard line.dropFirst(length).allSatisfy(\.isSpaceOrTab) else { return nil }
        return first == "=" ? 1 : 2
    }

    private func startThematicBreak(_ container: BlockNode) -> BlockStart {
        guard !cursor.isIndented, Self.isThematicBreak(cursor.restFromNonspace) else { return .none }
        closeUnmatchedBlocks()
        addChild(.thematicBreak)
        cursor.advanceToEnd()
        return .leaf
    }

    /// Three or more `*`, `-` or `_` (the same one), with only spaces between.
    static func isThematicBreak(_ line: Line) -> Bool {
        guard let first = line.first, first == "*" || first == "-" || first == "_" else { return false }
        var count = 0
        for c in line {
            if c == first {
                count += 1
            } else if !c.isSpaceOrTab {
                return false
            }
        }
        return count >= 3
    }

    private func startIndentedCode(_ container: BlockNode) -> BlockStart {
        // Indented code cannot interrupt a paragraph: such a line is a continuation.
        guard cursor.isIndented, tip.kind != .paragraph, !cursor.isBlank else { return .none }
        cursor.advance(by: 4, columns: true)
        closeUnmatchedBlocks()
        addChild(.codeBlock)
        return .leaf
    }
}
