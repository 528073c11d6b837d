/// A heading of a Markdown document, as `Markdown.headings(_:)` reports it.
public struct Heading: Equatable, Sendable {
    /// 1 for `#`, up to 6 for `######`.
    public let level: Int
    /// The heading's text without any markup.
    public let text: String
    /// The `id` attribute the rendered heading element carries.
    public let id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
