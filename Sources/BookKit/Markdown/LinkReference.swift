extension Markdown {
    /// What a link reference definition `[label]: destination "title"` defines.
    struct LinkReference: Equatable {
        var destination: String
        var title: String?

        /// Reads one definition at `text[start]`, the start of a line of paragraph
        /// text. Returns the normalized label, the reference, and the index of the
        /// next line; nil if the line does not start a valid definition.
        static func parseDefinition(_ text: [Unicode.Scalar], from start: Int)
            -> (label: String, reference: LinkReference, end: Int)?
        {
            var i = start
            while text[safe: i]?.isSpaceOrTab == true { i += 1 }
            guard let (label, afterLabel) = LinkSyntax.label(text, from: i),
                  text[safe: afterLabel] == ":" else { return nil }
            i = LinkSyntax.skipSpaceAndOneNewline(text, from: afterLabel + 1)
            guard let (destination, afterDestination) = LinkSyntax.destination(text, from: i) else { return nil }
            let normalized = LinkSyntax.normalize(label)

            // With a title: it must be separated from the destination by whitespace
            // and be followed only by spaces on its line.
            let titleStart = LinkSyntax.skipSpaceAndOneNewline(text, from: afterDestination)
            if titleStart > afterDestination, let (title, afterTitle) = LinkSyntax.title(text, from: titleStart),
               let end = endOfLine(text, from: afterTitle) {
                return (normalized, LinkReference(destination: destination, title: title), end)
            }
            // Without a title: only spaces may follow the destination on its line.
            guard let end = endOfLine(text, from: afterDestination) else { return nil }
            return (normalized, LinkReference(destination: destination, title: nil), end)
        }

        /// If only spaces remain on the line, the index of the next line's start.
        private static func endOfLine(_ text: [Unicode.Scalar], from start: Int) -> Int? {
            var i = start
            while text[safe: i]?.isSpaceOrTab == true { i += 1 }
            if i == text.count { return i }
            return text[i] == "\n" ? i + 1 : nil
        }
    }
}
