extension Markdown {
    /// The row syntax of GFM tables: cells separated by unescaped pipes, with
    /// optional pipes at both ends.
    enum TableSyntax {
        /// The cells of a table row, trimmed, with `\|` turned into `|` (so an escaped
        /// pipe stays in the cell, even inside a code span).
        static func cells(_ row: ArraySlice<Unicode.Scalar>) -> [String] {
            var text = Array(row)
            while let first = text.first, first.isMarkdownWhitespace { text.removeFirst() }
            while let last = text.last, last.isMarkdownWhitespace { text.removeLast() }
            if text.first == "|" { text.removeFirst() }
            if text.last == "|" && !(text.count >= 2 && text[text.count - 2] == "\\") { text.removeLast() }

            var cells: [String] = []
            var cell = String.UnicodeScalarView()
            var i = 0
            while i < text.count {
                let c = text[i]
                if c == "\\", text[safe: i + 1] == "|" {
                    cell.append("|")
                    i += 2
                    continue
                }
                if c == "\\", let next = text[safe: i + 1] {
                    cell.append(c)
                    cell.append(next)
                    i += 2
                    continue
                }
                if c == "|" {
                    cells.append(String(cell).trimmingSpaces())
                    cell = String.UnicodeScalarView()
                } else {
                    cell.append(c)
                }
                i += 1
            }
            cells.append(String(cell).trimmingSpaces())
            return cells
        }

        /// The alignments of a delimiter row such as `| :--- | :-: | --: |`, or nil if
        /// the line is not one. A pipe is required, so that a lone `---` stays a
        /// thematic break or setext underline.
        static func delimiterRow(_ row: ArraySlice<Unicode.Scalar>) -> [TableAlignment]? {
            guard row.contains("|") else { return nil }
            let alignments = cells(row).map(TableAlignment.init(delimiterCell:))
            guard !alignments.isEmpty, alignments.allSatisfy({ $0 != nil }) else { return nil }
            return alignments.compactMap { $0 }
        }
    }
}
