import Notebook

/// Everything the templates need to lay out one chapter page.
public struct ChapterPage: Sendable {
    public var link: PageLink
    /// The rendered chapter: prose, code, output, figures. Headings carry their `id`s.
    public var bodyHTML: String
    public var headings: [Heading]
    /// The run the page's output came from; `nil` for a chapter without a program.
    public var stamp: RunStamp?
    /// The chapter's folder relative to the repository root, e.g. `"Chapters/01-threads"`.
    public var sourceFolder: String
    public var previous: PageLink?
    public var next: PageLink?

    public init(link: PageLink, bodyHTML: String, headings: [Heading], stamp: RunStamp?,
                sourceFolder: String, previous: PageLink? = nil, next: PageLink? = nil) {
        self.link = link
        self.bodyHTML = bodyHTML
        self.headings = headings
        self.stamp = stamp
        self.sourceFolder = sourceFolder
        self.previous = previous
        self.next = next
    }
}
