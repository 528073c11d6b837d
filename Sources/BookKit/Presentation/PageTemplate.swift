import Notebook

/// Whole HTML5 documents: a chapter page, the index, and the whole book on one page.
///
/// Every page lives in `book/` and refers to its assets as `assets/...` (see `Theme`) and
/// to other pages by bare file name, so the book works from `file://` with no network.
/// Layout: a top bar (contents toggle, book title, search, colour-scheme toggle), the
/// table of contents as a sidebar (a drawer on narrow screens), the page, and a pager.
public enum PageTemplate {
    /// The file, in `book/`, of the whole book on one page (linked from every sidebar).
    public static let wholeBookHref = "print.html"
    /// Where pages load the search index from; the builder writes `SearchIndex.script` there.
    public static let searchIndexHref = SearchIndex.relativePath

    /// A chapter page. The run stamp and source-folder link go right after the page's
    /// first `<h1>` (or first of all when the body has none).
    public static func chapter(_ page: ChapterPage, toc: [PageLink], bookTitle: String) -> String {
        var html = head(title: "\(page.link.numberedTitle) · \(bookTitle)", previous: page.previous, next: page.next, bodyClass: "page-chapter")
        html += topBar(bookTitle: bookTitle, search: true)
        html += "<div class=\"layout\">\n"
        html += sidebar(toc: toc, current: page.link.href, currentHeadings: page.headings)
        html += "<main id=\"content\" class=\"content\">\n<article class=\"chapter\">\n"
        html += insertingAfterTitle(RunStampView.html(page.stamp, sourceFolder: page.sourceFolder), into: page.bodyHTML)
        html += "</article>\n"
        html += pager(previous: page.previous, next: page.next)
        html += "</main>\n</div>\n"
        html += scripts(search: true)
        return html
    }

    /// The front page: the introduction, then the table of contents.
    public static func index(toc: [PageLink], introHTML: String, bookTitle: String) -> String {
        let first = toc.first { $0.href != "index.html" }
        var html = head(title: bookTitle, previous: nil, next: first, bodyClass: "page-index")
        html += topBar(bookTitle: bookTitle, search: true)
        html += "<div class=\"layout\">\n"
        html += sidebar(toc: toc, current: "index.html", currentHeadings: [])
        html += "<main id=\"content\" class=\"content\">\n<article class=\"index\">\n"
        html += introHTML.contains("<h1") ? introHTML : "<h1>\(HTML.escape(bookTitle))</h1>\n" + introHTML
        html += "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc-main\">\n"
        for link in toc where link.href != "index.html" {
            html += "<li><a href=\"\(HTML.escape(link.href))\">"
            html += link.shownNumber.isEmpty ? "" : "<span class=\"toc-number\">\(HTML.escape(link.shownNumber))</span> "
            html += "<span class=\"toc-title\">\(HTML.escape(link.title))</span></a></li>\n"
        }
        html += "</ol>\n<p class=\"whole-book-link\"><a href=\"\(wholeBookHref)\">The whole book on one page</a> (for printing or reading offline in one go).</p>\n"
        html += "</article>\n"
        html += pager(previous: nil, next: first)
        html += "</main>\n</div>\n"
        html += scripts(search: true)
        return html
    }

    /// Every chapter in one document, for printing. Each chapter becomes a
    /// `<section id="SLUG">` (SLUG = its file name without `.html`); the chapters' ids are
    /// prefixed with `SLUG--`, links between chapters become links within this page, and
    /// headings move one level down under the book's title (the page's only `h1`).
    ///
    /// `section` makes one chapter's part (the builder reuses those of unchanged chapters).
    public static func wholeBook(_ pages: [ChapterPage], bookTitle: String) -> String {
        wholeBook(pages, bookTitle: bookTitle, section: wholeBookSection)
    }

    static func wholeBook(_ pages: [ChapterPage], bookTitle: String,
                          section: (ChapterPage, WholeBookLinks) -> String) -> String {
        let rewriter = WholeBookLinks(pageHrefs: pages.map(\.link.href))
        var html = head(title: bookTitle, previous: nil, next: nil, bodyClass: "page-whole-book")
        html += topBar(bookTitle: bookTitle, search: false)
        html += "<main id=\"content\" class=\"content content-whole-book\">\n"
        html += "<h1 class=\"book-title-page\">\(HTML.escape(bookTitle))</h1>\n"
        html += "<p class=\"whole-book-actions\"><a href=\"index.html\">Back to the web book</a> "
        html += "<button class=\"print-button\" type=\"button\">Print this book</button></p>\n"
        html += "<nav class=\"toc-print\" aria-label=\"Contents\"><h2 id=\"contents\">Contents</h2>\n<ol class=\"toc-main\">\n"
        for page in pages {
            html += "<li><a href=\"#\(rewriter.slug(page.link.href))\">"
            html += page.link.shownNumber.isEmpty ? "" : "<span class=\"toc-number\">\(HTML.escape(page.link.shownNumber))</span> "
            html += "<span class=\"toc-title\">\(HTML.escape(page.link.title))</span></a></li>\n"
        }
        html += "</ol>\n</nav>\n"
        for page in pages { html += section(page, rewriter) }
        html += "</main>\n"
        html += scripts(search: false)
        return html
    }

    /// One chapter of the whole book: its body, ids prefixed and headings one level down.
    static func wholeBookSection(_ page: ChapterPage, rewriter: WholeBookLinks) -> String {
        let slug = rewriter.slug(page.link.href)
        let body = insertingAfterTitle(RunStampView.html(page.stamp, sourceFolder: page.sourceFolder), into: page.bodyHTML)
        return "<section class=\"chapter book-chapter\" id=\"\(slug)\">\n"
            + rewriter.demotingHeadings(rewriter.rewrite(body, inPage: page.link.href))
            + "</section>\n"
    }

    // MARK: - Parts

    private static func head(title: String, previous: PageLink?, next: PageLink?, bodyClass: String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTML.escape(title))</title>
        <script src="assets/theme-init.js"></script>
        <link rel="stylesheet" href="assets/book.css">

        """
        if let previous { html += "<link rel=\"prev\" href=\"\(HTML.escape(previous.href))\">\n" }
        if let next { html += "<link rel=\"next\" href=\"\(HTML.escape(next.href))\">\n" }
        html += "</head>\n<body class=\"\(bodyClass)\">\n"
        html += "<a class=\"skip-link\" href=\"#content\">Skip to the text</a>\n"
        return html
    }

    private static func topBar(bookTitle: String, search: Bool) -> String {
        var html = "<header class=\"topbar\">\n"
        if search {
            html += "<button class=\"sidebar-toggle icon-button\" type=\"button\" aria-controls=\"sidebar\" aria-expanded=\"false\" title=\"Contents\">"
            html += "<span aria-hidden=\"true\">☰</span><span class=\"visually-hidden\">Contents</span></button>\n"
        }
        html += "<a class=\"book-title\" href=\"index.html\">\(HTML.escape(bookTitle))</a>\n"
        if search {
            html += "<div class=\"search\" role=\"search\">\n"
            html += "<label class=\"visually-hidden\" for=\"search-input\">Search the book</label>\n"
            html += "<input id=\"search-input\" class=\"search-input\" type=\"search\" placeholder=\"Search (/)\" autocomplete=\"off\" spellcheck=\"false\">\n"
            html += "<div id=\"search-results\" class=\"search-results\" hidden></div>\n"
            html += "</div>\n"
        }
        html += "<button class=\"theme-toggle icon-button\" type=\"button\" title=\"Light or dark colours\">"
        html += "<span aria-hidden=\"true\">◐</span><span class=\"visually-hidden\">Switch between light and dark colours</span></button>\n"
        html += "</header>\n"
        return html
    }

    private static func sidebar(toc: [PageLink], current: String, currentHeadings: [Heading]) -> String {
        var html = "<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"Table of contents\">\n<ol class=\"toc\">\n"
        let contents = PageLink(number: "", title: "Contents", href: "index.html")
        for link in [contents] + toc.filter({ $0.href != "index.html" }) {
            let isCurrent = link.href == current
            html += isCurrent ? "<li class=\"toc-current\">" : "<li>"
            html += "<a href=\"\(HTML.escape(link.href))\"\(isCurrent ? " aria-current=\"page\"" : "")>"
            html += link.shownNumber.isEmpty ? "" : "<span class=\"toc-number\">\(HTML.escape(link.shownNumber))</span> "
            html += "<span class=\"toc-title\">\(HTML.escape(link.title))</span></a>"
            let sections = isCurrent ? currentHeadings.filter { $0.level == 2 } : []
            if !sections.isEmpty {
                html += "\n<ol class=\"toc-sections\">\n"
                for heading in sections {
                    html += "<li><a href=\"#\(HTML.escape(heading.id))\">\(HTML.escape(heading.text))</a></li>\n"
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        html += "</ol>\n<p class=\"toc-extra\"><a href=\"\(wholeBookHref)\">Whole book on one page</a></p>\n</nav>\n"
        return html
    }

    private static func pager(previous: PageLink?, next: PageLink?) -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next\">\n"
        if let previous {
            html += "<a class=\"pager-prev\" rel=\"prev\" href=\"\(HTML.escape(previous.href))\"><span class=\"pager-direction\">← Previous</span> "
            html += "<span class=\"pager-title\">\(HTML.escape(previous.numberedTitle))</span></a>\n"
        }
        if let next {
            html += "<a class=\"pager-next\" rel=\"next\" href=\"\(HTML.escape(next.href))\"><span class=\"pager-direction\">Next →</span> "
            html += "<span class=\"pager-title\">\(HTML.escape(next.numberedTitle))</span></a>\n"
        }
        html += "</nav>\n"
        return html
    }

    private static func scripts(search: Bool) -> String {
        var html = ""
        if search { html += "<script src=\"\(searchIndexHref)\" defer></script>\n" }
        html += "<script src=\"assets/book.js\" defer></script>\n</body>\n</html>\n"
        return html
    }

    /// `extra` placed right after the first `</h1>` of `body`, or before it all.
    static func insertingAfterTitle(_ extra: String, into body: String) -> String {
        guard let end = body.range(of: "</h1>") else { return extra + body }
        var result = body
        let afterNewline = result[end.upperBound...].hasPrefix("\n") ? result.index(after: end.upperBound) : end.upperBound
        result.insert(contentsOf: (afterNewline == end.upperBound ? "\n" : "") + extra, at: afterNewline)
        return result
    }
}
