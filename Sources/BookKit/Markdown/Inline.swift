extension Markdown {
    /// Inline content of a paragraph, heading or table cell.
    indirect enum Inline: Equatable {
        case text(String)
        /// A line ending inside a paragraph; rendered as a newline.
        case softBreak
        /// Two trailing spaces or a backslash before a line ending: `<br />`.
        case hardBreak
        case code(String)
        case emphasis([Inline])
        case strong([Inline])
        case link(destination: String, title: String?, content: [Inline])
        case image(source: String, title: String?, alt: [Inline])
        /// An inline HTML tag, comment or declaration, emitted verbatim.
        case rawHTML(String)
        /// An entity reference such as `&copy;` or `&#169;`, emitted verbatim.
        case entity(String)
    }
}
