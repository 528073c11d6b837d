extension Markdown {
    /// Between stage 1 and 3: turns the block tree into `Block` values, parsing
    /// each leaf's text into inlines (stage 2), giving headings their ids and
    /// recognizing callouts.
    struct DocumentBuilder {
        private let references: [String: LinkReference]
        private var slugger = HeadingSlugger()

        init(references: [String: LinkReference]) {
            self.references = references
        }

        mutating func blocks(_ nodes: [BlockNode]) -> [Block] {
            nodes.compactMap { block($0) }
        }

        private mutating func block(_ node: BlockNode) -> Block? {
            switch node.kind {
            case .document:
                return nil
            case .paragraph:
                return .paragraph(inlines(node.content))
            case .heading:
                let content = inlines(node.content)
                let id = slugger.slug(for: Markdown.plainText(content))
                return .heading(level: node.headingLevel, content: content, id: id)
            case .thematicBreak:
                return .thematicBreak
            case .codeBlock:
                // The first word of the info string names the language.
                let language = node.infoString.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
                return .codeBlock(info: language ?? "", code: String(scalars: node.content))
            case .htmlBlock:
                return .htmlBlock(String(scalars: node.content))
            case .blockQuote:
                return blockQuote(node)
            case .list:
                let style: ListStyle = node.listMarker.isOrdered ? .ordered(start: node.listMarker.start) : .bullet
                let items = node.children.map { blocks($0.children) }
                return .list(style, tight: node.isTight, items: items)
            case .item:
                return nil  // Items are read with their list.
            case .table:
                return .table(table(node))
            }
        }

        /// A block quote, or a callout if its first line is a marker like `[!TIP]`.
        private mutating func blockQuote(_ node: BlockNode) -> Block {
            guard let first = node.children.first, first.kind == .paragraph else {
                return .blockQuote(blocks(node.children))
            }
            let lines = first.content.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard let markerLine = lines.first, let callout = Callout(markerLine: String(scalars: markerLine)) else {
                return .blockQuote(blocks(node.children))
            }
            var body = blocks(Array(node.children.dropFirst()))
            let rest = lines.count > 1 ? Array(lines[1]) : []
            if rest.contains(where: { !$0.isMarkdownWhitespace }) {
                body.insert(.paragraph(inlines(rest)), at: 0)
            }
            return .callout(callout, body)
        }

        private func table(_ node: BlockNode) -> Table {
            let columns = node.tableHeader.count
            let rows = node.tableRows.map { cells in
                // Every row gets exactly as many cells as the header.
                (0..<columns).map { index in
                    index < cells.count ? inlines(Array(cells[index].unicodeScalars)) : []
                }
            }
            return Table(
                alignments: node.tableAlignments,
                header: node.tableHeader.map { inlines(Array($0.unicodeScalars)) },
                rows: rows
            )
        }

        /// Parses a leaf's text, without the spaces and line ending around it.
        private func inlines(_ content: [Unicode.Scalar]) -> [Inline] {
            var start = 0
            var end = content.count
            while start < end, content[start].isMarkdownWhitespace { start += 1 }
            while end > start, content[end - 1].isMarkdownWhitespace { end -= 1 }
            return InlineParser.parse(String(scalars: content[start..<end]), references: references)
        }
    }
}
