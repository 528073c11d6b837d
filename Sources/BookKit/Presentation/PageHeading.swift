/// A heading of a chapter page: the sidebar lists level-2 headings of the current page,
/// and the search index links to every heading.
public struct PageHeading: Sendable, Equatable {
    /// 1 for `<h1>`, 2 for `<h2>`, ...
    public var level: Int
    /// Plain text (not HTML).
    public var text: String
    /// The heading's `id` in the page's HTML.
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
