extension Markdown {
    /// Stage 1 of the pipeline: splits a document into its block structure (block
    /// quotes, lists, paragraphs, code blocks...) and collects the link reference
    /// definitions. Inline content is left as raw text for stage 2.
    ///
    /// The algorithm is the one the CommonMark spec describes in its appendix
    /// ("A parsing strategy") and its reference parsers use. For each line:
    /// 1. walk down the open blocks, asking each whether the line continues it
    ///    (a block quote needs a `>`, a list item enough indentation...);
    /// 2. look for the start of new blocks in what is left of the line;
    /// 3. add the rest of the line as text to the innermost open block, or, if
    ///    some open blocks were not continued, close them first (except for a
    ///    "lazy" paragraph continuation line).
    final class BlockParser {
        let document = BlockNode(kind: .document, startLine: 0)
        /// The link reference definitions, by normalized label. The first wins.
        private(set) var references: [String: LinkReference] = [:]

        /// The innermost open block.
        var tip: BlockNode
        /// The tip before the current line was processed.
        private var oldTip: BlockNode
        /// The innermost open block that the current line continues.
        private var lastMatchedContainer: BlockNode
        /// Whether the blocks not continued by the current line have been closed.
        var allClosed = true
        private(set) var lineNumber = 0
        var cursor = LineCursor(line: [])

        private init() {
            tip = document
            oldTip = document
            lastMatchedContainer = document
        }

        /// Parses `source` into a tree of blocks and its link references.
        static func parse(_ source: String) -> (document: BlockNode, references: [String: LinkReference]) {
            let parser = BlockParser()
            for line in lines(of: source) {
                parser.incorporate(line)
            }
            while parser.tip !== parser.document {
                parser.finalize(parser.tip)
            }
            parser.finalize(parser.document)
            return (parser.document, parser.references)
        }

        /// The lines of `source`, split at `\n`, `\r\n` or `\r`; NUL becomes U+FFFD.
        private static func lines(of source: String) -> [[Unicode.Scalar]] {
            var lines: [[Unicode.Scalar]] = []
            var current: [Unicode.Scalar] = []
            var previousWasCR = false
            for scalar in source.unicodeScalars {
                switch scalar {
                case "\n" where previousWasCR:
                    break
                case "\n", "\r":
                    lines.append(current)
                    current = []
                case "\0":
                    current.append("\u{FFFD}")
                default:
                    current.append(scalar)
                }
                previousWasCR = scalar == "\r"
            }
            if !current.isEmpty { lines.append(current) }
            return lines
        }

        // MARK: - One line

        private func incorporate(_ line: [Unicode.Scalar]) {
            lineNumber += 1
            cursor = LineCursor(line: line)
            oldTip = tip

            // 1. Which open blocks does this line continue?
            var container = document
            walk: while let child = container.lastChild, child.isOpen {
                container = child
                cursor.findNextNonspace()
                switch continuation(of: container) {
                case .continued:
                    continue
                case .notContinued:
                    container = container.parent ?? document
                    break walk
                case .lineConsumed:
                    return
                }
            }
            allClosed = container === oldTip
            lastMatchedContainer = container

            // 2. Does the rest of the line start new blocks?
            // A paragraph or table may be interrupted by new blocks; other leaves may not.
            var reachedLeaf = container.kind != .paragraph && container.kind != .table && container.acceptsLines
            starts: while !reachedLeaf {
                cursor.findNextNonspace()
                guard cursor.isIndented || cursor.nextCharacter.map(Self.mayStartBlock) == true else {
                    cursor.advanceToNextNonspace()
                    break
                }
                switch startNewBlock(in: container) {
                case .container:
                    container = tip
                case .leaf:
                    container = tip
                    reachedLeaf = true
                case .none:
                    cursor.advanceToNextNonspace()
                    break starts
                }
            }

            // 3. Add the rest of the line to a block.
            if !allClosed && !cursor.isBlank && tip.kind == .paragraph {
                // A lazy continuation line: it continues the paragraph even though it
                // lacks the `>` or indentation of the blocks around the paragraph.
                addLine()
                return
            }
            closeUnmatchedBlocks()
            recordBlankLine(in: container)
            if container.acceptsLines {
                // The opening line of a fence or a table is already consumed.
                let isOpeningLine = container.startLine == lineNumber
                    && (container.isFenced || container.kind == .table)
                if !isOpeningLine { addLine() }
                if container.kind == .htmlBlock && !container.htmlBlockKind.endsAtBlankLine
                    && container.htmlBlockKind.isEnd(cursor.line[...]) {
                    finalize(container)
                }
            } else if !cursor.rest.isEmpty && !cursor.isBlank {
                addChild(.paragraph)
                cursor.advanceToNextNonspace()
                addLine()
            }
        }

        /// Characters that can begin a block other than a paragraph.
        private static func mayStartBlock(_ c: Unicode.Scalar) -> Bool {
            "#`~*+-_=<>|:".unicodeScalars.contains(c) || c.isASCIIDigit
        }

        /// Remembers whether the line was blank, which decides whether a list is loose.
        /// Blank lines in a block quote or a fence, and the blank line right after an
        /// empty list item's marker, do not count.
        private func recordBlankLine(in container: BlockNode) {
            if cursor.isBlank, let last = container.lastChild { last.lastLineBlank = true }
            let kind = container.kind
            let countsAsBlank = cursor.isBlank
                && kind != .blockQuote && kind != .heading && kind != .thematicBreak
                && !(kind == .codeBlock && container.isFenced)
                && !(kind == .item && container.children.isEmpty && container.startLine == lineNumber)
            container.lastLineBlank = countsAsBlank
            var ancestor = container.parent
            while let node = ancestor {
                node.lastLineBlank = false
                ancestor = node.parent
            }
        }

        // MARK: - Continuation

        enum Continuation { case continued, notContinued, lineConsumed }

        /// Whether the current line continues the open block `node`; if it does,
        /// the cursor is moved past the block's own markers (`>`, indentation).
        private func continuation(of node: BlockNode) -> Continuation {
            switch node.kind {
            case .document, .list:
                return .continued
            case .blockQuote:
                guard !cursor.isIndented, cursor.nextCharacter == ">" else { return .notContinued }
                cursor.advanceToNextNonspace()
                cursor.advance(by: 1)
                if cursor.rest.first?.isSpaceOrTab == true { cursor.advance(by: 1, columns: true) }
                return .continued
            case .item:
                let contentIndent = node.listMarker.markerOffset + node.listMarker.padding
                if cursor.isBlank {
                    // An item can start with at most one blank line.
                    if node.children.isEmpty { return .notContinued }
                    cursor.advanceToNextNonspace()
                } else if cursor.indent >= contentIndent {
                    cursor.advance(by: contentIndent, columns: true)
                } else {
                    return .notContinued
                }
                return .continued
            case .heading, .thematicBreak:
                return .notContinued
            case .codeBlock where node.isFenced:
                if !cursor.isIndented, Self.isClosingFence(cursor.restFromNonspace, of: node) {
                    finalize(node)
                    return .lineConsumed
                }
                // Content lines lose as much indentation as the opening fence had.
                var toStrip = node.fenceIndent
                while toStrip > 0, cursor.rest.first?.isSpaceOrTab == true {
                    cursor.advance(by: 1, columns: true)
                    toStrip -= 1
                }
                return .continued
            case .codeBlock:
                if cursor.isIndented {
                    cursor.advance(by: 4, columns: true)
                } else if cursor.isBlank {
                    cursor.advanceToNextNonspace()
                } else {
                    return .notContinued
                }
                return .continued
            case .htmlBlock:
                return cursor.isBlank && node.htmlBlockKind.endsAtBlankLine ? .notContinued : .continued
            case .paragraph:
                return cursor.isBlank ? .notContinued : .continued
            case .table:
                // A table ends at a blank line, or where another block starts: like a
                // paragraph, it lets block starts be tried on each line.
                return cursor.isBlank ? .notContinued : .continued
            }
        }

        // MARK: - Building the tree

        /// Adds a block of `kind` at the tip, first closing blocks that cannot contain it.
        @discardableResult
        func addChild(_ kind: BlockNode.Kind) -> BlockNode {
            while !tip.canContain(kind) {
                finalize(tip)
            }
            let node = BlockNode(kind: kind, startLine: lineNumber)
            tip.append(node)
            tip = node
            return node
        }

        /// Closes the blocks that the current line did not continue.
        func closeUnmatchedBlocks() {
            guard !allClosed else { return }
            while oldTip !== lastMatchedContainer {
                let parent = oldTip.parent ?? document
                finalize(oldTip)
                oldTip = parent
            }
            allClosed = true
        }

        /// Adds the rest of the current line to the tip's text.
        private func addLine() {
            let tabColumns = cursor.takePartialTab()
            if tip.kind == .table {
                tip.tableRows.append(TableSyntax.cells(cursor.rest))
                return
            }
            tip.content.append(contentsOf: repeatElement(" ", count: tabColumns))
            tip.content.append(contentsOf: cursor.rest)
            tip.content.append("\n")
        }

        /// Closes `node`: it takes no more lines. The tip moves to its parent.
        func finalize(_ node: BlockNode) {
            let parent = node.parent
            node.isOpen = false
            switch node.kind {
            case .paragraph:
                extractReferenceDefinitions(from: node)
                if node.content.allSatisfy(\.isMarkdownWhitespace) { node.unlink() }
            case .codeBlock where !node.isFenced:
                removeTrailingBlankLines(from: node)
            case .list:
                node.isTight = Self.isTight(node)
            default:
                break
            }
            if let parent { tip = parent }
        }

        /// Moves link reference definitions at the start of a paragraph into `references`.
        func extractReferenceDefinitions(from paragraph: BlockNode) {
            var start = 0
            while let (label, reference, end) = LinkReference.parseDefinition(paragraph.content, from: start) {
                if references[label] == nil { references[label] = reference }
                start = end
            }
            paragraph.content.removeFirst(start)
        }

        private func removeTrailingBlankLines(from codeBlock: BlockNode) {
            var lines = codeBlock.content.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }  // after the final "\n"
            while let last = lines.last, last.allSatisfy(\.isSpaceOrTab) { lines.removeLast() }
            codeBlock.content = lines.flatMap { Array($0) + ["\n"] }
        }

        /// A list is loose if any of its items are separated by a blank line, or any
        /// item holds two blocks with a blank line between them.
        private static func isTight(_ list: BlockNode) -> Bool {
            for (itemIndex, item) in list.children.enumerated() {
                let isLastItem = itemIndex == list.children.count - 1
                if item.lastLineBlank && !isLastItem { return false }
                for (childIndex, child) in item.children.enumerated() {
                    let isLastChild = childIndex == item.children.count - 1
                    if endsWithBlankLine(child) && !(isLastItem && isLastChild) { return false }
                }
            }
            return true
        }

        /// Whether `node`, or its last descendant through lists and items, ended with
        /// a blank line.
        private static func endsWithBlankLine(_ node: BlockNode) -> Bool {
            var current: BlockNode? = node
            while let block = current {
                if block.lastLineBlank { return true }
                current = block.kind == .list || block.kind == .item ? block.lastChild : nil
            }
            return false
        }
    }
}
