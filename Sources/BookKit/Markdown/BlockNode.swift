extension Markdown {
    /// A block while the document is being parsed: a mutable tree node that stays
    /// open while following lines may still add to it.
    ///
    /// The block parser works like the CommonMark reference parsers: each line first
    /// walks down the open blocks it continues, then may open new blocks, then its
    /// remaining text is added to the innermost one.
    final class BlockNode {
        enum Kind: Equatable {
            case document, blockQuote, list, item, paragraph, heading, thematicBreak
            case codeBlock, htmlBlock, table
        }

        let kind: Kind
        /// The line on which the block started (1-based).
        let startLine: Int
        private(set) weak var parent: BlockNode?
        private(set) var children: [BlockNode] = []
        var isOpen = true
        /// Whether the last line added to this block was blank: decides loose lists.
        var lastLineBlank = false

        /// The raw text of a leaf block, one line after another, each ending in "\n".
        var content: [Unicode.Scalar] = []

        // Headings.
        var headingLevel = 0

        // Code blocks.
        var isFenced = false
        var fenceCharacter: Unicode.Scalar = "`"
        var fenceLength = 0
        /// How far the opening fence was indented: content lines lose up to as much.
        var fenceIndent = 0
        var infoString = ""

        // HTML blocks.
        var htmlBlockKind: HTMLBlockKind = .blankLineEnded

        // Lists and list items.
        var listMarker = ListMarker(isOrdered: false, delimiter: "-", start: 1, markerOffset: 0, padding: 0)
        var isTight = true

        // Tables.
        var tableAlignments: [TableAlignment] = []
        var tableHeader: [String] = []
        var tableRows: [[String]] = []

        init(kind: Kind, startLine: Int) {
            self.kind = kind
            self.startLine = startLine
        }

        var lastChild: BlockNode? { children.last }

        func append(_ child: BlockNode) {
            child.parent = self
            children.append(child)
        }

        /// Removes this node from its parent (an empty paragraph, for instance).
        func unlink() {
            parent?.children.removeAll { $0 === self }
            parent = nil
        }

        /// Puts `replacement` where this node is (a paragraph that became a heading).
        func replace(with replacement: BlockNode) {
            guard let parent, let index = parent.children.firstIndex(where: { $0 === self }) else { return }
            replacement.parent = parent
            parent.children[index] = replacement
            self.parent = nil
        }

        /// Whether a block of `kind` may be a child of this block.
        func canContain(_ kind: Kind) -> Bool {
            switch self.kind {
            case .document, .blockQuote, .item: kind != .item
            case .list: kind == .item
            default: false
            }
        }

        /// Whether the text of a line is added to this block (leaf blocks with text).
        var acceptsLines: Bool {
            switch kind {
            case .paragraph, .codeBlock, .htmlBlock, .table: true
            default: false
            }
        }
    }

    /// What a list item's marker says: its type, and the columns its content starts at.
    struct ListMarker: Equatable {
        var isOrdered: Bool
        /// `-`, `+` or `*` for bullets; `.` or `)` for ordered lists.
        var delimiter: Unicode.Scalar
        var start: Int
        /// The marker's indentation.
        var markerOffset: Int
        /// The marker's width plus the spaces after it.
        var padding: Int

        /// Items of one list share the marker type and character.
        func continuesList(_ other: ListMarker) -> Bool {
            isOrdered == other.isOrdered && delimiter == other.delimiter
        }
    }
}
