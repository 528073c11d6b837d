extension Markdown {
    /// A position in the line being parsed, counted both in characters (`offset`)
    /// and in columns (`column`), because a tab advances to the next multiple of 4
    /// and indentation rules are stated in columns.
    struct LineCursor {
        /// The line, without its line ending.
        let line: [Unicode.Scalar]
        private(set) var offset = 0
        private(set) var column = 0
        /// True when the cursor stands inside a tab, part of whose columns were
        /// consumed (say, by a list item's indentation); the rest count as spaces.
        private(set) var partiallyConsumedTab = false

        // Where the next non-space character is; updated by `findNextNonspace()`.
        private(set) var nextNonspace = 0
        private(set) var nextNonspaceColumn = 0
        /// Columns of spaces and tabs between the cursor and the next non-space character.
        private(set) var indent = 0
        /// Whether only spaces and tabs remain on the line.
        private(set) var isBlank = false

        init(line: [Unicode.Scalar]) {
            self.line = line
        }

        /// Four or more columns of indentation: indented code, or too deep for a marker.
        var isIndented: Bool { indent >= 4 }

        /// The character at the next non-space position, if any.
        var nextCharacter: Unicode.Scalar? { line[safe: nextNonspace] }

        /// The rest of the line from the cursor.
        var rest: ArraySlice<Unicode.Scalar> { line[min(offset, line.count)...] }

        /// The rest of the line from the next non-space character.
        var restFromNonspace: ArraySlice<Unicode.Scalar> { line[min(nextNonspace, line.count)...] }

        mutating func findNextNonspace() {
            var i = offset
            var columns = column
            while let c = line[safe: i] {
                if c == " " {
                    columns += 1
                } else if c == "\t" {
                    columns += 4 - columns % 4
                } else {
                    break
                }
                i += 1
            }
            isBlank = i == line.count
            nextNonspace = i
            nextNonspaceColumn = columns
            indent = columns - column
        }

        mutating func advanceToNextNonspace() {
            offset = nextNonspace
            column = nextNonspaceColumn
            partiallyConsumedTab = false
        }

        /// Advances by `count` characters, or by `count` columns when `columns` is
        /// true (then a tab may be consumed only in part).
        mutating func advance(by count: Int, columns: Bool = false) {
            var remaining = count
            while remaining > 0, let c = line[safe: offset] {
                if c == "\t" {
                    let toTabStop = 4 - column % 4
                    if columns {
                        partiallyConsumedTab = toTabStop > remaining
                        let step = min(remaining, toTabStop)
                        column += step
                        offset += partiallyConsumedTab ? 0 : 1
                        remaining -= step
                    } else {
                        partiallyConsumedTab = false
                        column += toTabStop
                        offset += 1
                        remaining -= 1
                    }
                } else {
                    partiallyConsumedTab = false
                    offset += 1
                    column += 1
                    remaining -= 1
                }
            }
        }

        /// Moves to the end of the line.
        mutating func advanceToEnd() {
            advance(by: line.count - offset)
        }

        /// Takes the rest of a partly consumed tab: returns how many columns of it
        /// are left, as spaces for the block's text, and steps over the tab.
        mutating func takePartialTab() -> Int {
            guard partiallyConsumedTab else { return 0 }
            offset += 1
            partiallyConsumedTab = false
            return 4 - column % 4
        }

        /// Undoes an advance: used when a list marker's following spaces turn out
        /// to belong to the content.
        mutating func reset(offset: Int, column: Int) {
            self.offset = offset
            self.column = column
            partiallyConsumedTab = false
        }
    }
}
