/// A link to one page of the book, as the table of contents and the pager show it.
public struct PageLink: Sendable, Equatable {
    /// The chapter's number as shown, e.g. `"1"`; empty for unnumbered pages.
    public var number: String
    public var title: String
    /// Relative to `book/`, e.g. `"01-threads.html"`.
    public var href: String

    public init(number: String, title: String, href: String) {
        self.number = number
        self.title = title
        self.href = href
    }

    /// `"1. Threads"`, or the bare title when there is no number.
    public var numberedTitle: String { number.isEmpty ? title : "\(number). \(title)" }
}
