extension Markdown {
    /// A block of the parsed document: the model the HTML renderer walks.
    ///
    /// The block parser builds a mutable tree of `BlockNode`s line by line;
    /// `DocumentBuilder` then turns it into these values, parsing inline content.
    indirect enum Block: Equatable {
        case paragraph([Inline])
        case heading(level: Int, content: [Inline], id: String)
        case thematicBreak
        /// `info` is the first word of a fence's info string ("" for indented code).
        case codeBlock(info: String, code: String)
        /// Raw HTML, emitted verbatim.
        case htmlBlock(String)
        case blockQuote([Block])
        /// A GitHub callout: a block quote whose first line is `[!NOTE]`, `[!TIP]`...
        case callout(Callout, [Block])
        /// A tight list renders its items' paragraphs without `<p>` tags.
        case list(ListStyle, tight: Bool, items: [[Block]])
        case table(Table)
    }

    /// Bullet or ordered; an ordered list remembers the number it starts at.
    enum ListStyle: Equatable {
        case bullet
        case ordered(start: Int)
    }

    /// A GFM table: a header row, its column alignments and the body rows.
    /// Every row has exactly as many cells as the header.
    struct Table: Equatable {
        var alignments: [TableAlignment]
        var header: [[Inline]]
        var rows: [[[Inline]]]
    }
}
