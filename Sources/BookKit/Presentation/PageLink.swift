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

    /// The number to print before the title: empty when there is none, or when the title
    /// already starts with it (a chapter titled `01 · Threads` with number `1` or `01` is
    /// not shown as `1 01 · Threads`).
    public var shownNumber: String {
        if number.isEmpty { return "" }
        let leadingDigits = title.prefix { $0.isASCII && $0.isNumber }
        if !leadingDigits.isEmpty { return Int(leadingDigits) == Int(number) ? "" : number }
        return title.hasPrefix(number + " ") || title.hasPrefix(number + ".") ? "" : number
    }

    /// `"1. Threads"`, or the bare title when there is no number to add.
    public var numberedTitle: String { shownNumber.isEmpty ? title : "\(shownNumber). \(title)" }
}
