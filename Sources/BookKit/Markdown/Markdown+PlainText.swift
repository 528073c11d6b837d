extension Markdown {
    /// The text of inline content without any markup: what a heading's id and
    /// `Heading.text` are made from, and an image's `alt`.
    static func plainText(_ inlines: [Inline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string):
                text += string
            case .softBreak, .hardBreak:
                text += " "
            case .emphasis(let content), .strong(let content), .link(_, _, let content), .image(_, _, let content):
                text += plainText(content)
            case .entity(let reference):
                let scalars = Array(reference.unicodeScalars)
                text += EntityReference.decode(scalars, from: 0)?.decoded ?? reference
            case .rawHTML:
                break
            }
        }
        return text
    }
}
