import Testing
@testable import BookKit
import Notebook

@Suite("Page templates")
struct PresentationPageTemplateTests {
    static let toc = [
        PageLink(number: "1", title: "Threads", href: "01-threads.html"),
        PageLink(number: "2", title: "Locks & races", href: "02-locks.html"),
        PageLink(number: "3", title: "Queues", href: "03-queues.html"),
    ]
    static let stamp = RunStamp(date: "2026-11-21T09:50:17Z", operatingSystem: "Linux (Debian 12)", cores: 2,
                                swiftVersion: "6.3.1", configuration: "release")

    static func page(_ index: Int, body: String? = nil) -> ChapterPage {
        let link = toc[index]
        return ChapterPage(
            link: link,
            bodyHTML: body ?? "<h1 id=\"\(Slug.make(link.title))\">\(HTML.escape(link.title))</h1>\n<p>Intro.</p>\n<h2 id=\"exercises\">Exercises</h2>\n<p>Try <a href=\"#exercises\">this</a> and <a href=\"01-threads.html#exercises\">that</a>.</p>\n",
            headings: [Heading(level: 1, text: link.title, id: Slug.make(link.title)),
                       Heading(level: 2, text: "Exercises", id: "exercises")],
            stamp: stamp,
            sourceFolder: "Chapters/\(link.href.dropLast(5))",
            previous: index > 0 ? toc[index - 1] : nil,
            next: index + 1 < toc.count ? toc[index + 1] : nil)
    }

    @Test("A chapter page is an HTML5 document with local assets only")
    func document() {
        let html = PageTemplate.chapter(Self.page(1), toc: Self.toc, bookTitle: "Concurrency in Swift")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<title>2. Locks &amp; races · Concurrency in Swift</title>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/book.css\">"))
        #expect(html.contains("<script src=\"assets/theme-init.js\"></script>"))
        #expect(html.contains("<script src=\"search-index.js\" defer></script>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.hasSuffix("</html>\n"))
        for asset in Theme.assetNames { #expect(html.contains("assets/\(asset)")) }
    }

    @Test("The sidebar lists every chapter, marks the current one and lists its sections")
    func sidebar() throws {
        let html = PageTemplate.chapter(Self.page(1), toc: Self.toc, bookTitle: "Book")
        #expect(html.contains("<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"Table of contents\">"))
        #expect(html.contains("<li class=\"toc-current\"><a href=\"02-locks.html\" aria-current=\"page\">"))
        #expect(html.components(separatedBy: "aria-current=\"page\"").count == 2)
        #expect(html.contains("<a href=\"01-threads.html\">"))
        #expect(html.contains("<a href=\"03-queues.html\">"))
        #expect(html.contains("<a href=\"index.html\">"))
        #expect(html.contains("<li><a href=\"#exercises\">Exercises</a></li>"))
        #expect(html.contains("aria-controls=\"sidebar\" aria-expanded=\"false\""))
    }

    @Test("Previous and next links appear as a pager and as <link rel> for the arrow keys")
    func pager() {
        let middle = PageTemplate.chapter(Self.page(1), toc: Self.toc, bookTitle: "Book")
        #expect(middle.contains("<link rel=\"prev\" href=\"01-threads.html\">"))
        #expect(middle.contains("<link rel=\"next\" href=\"03-queues.html\">"))
        #expect(middle.contains("<a class=\"pager-prev\" rel=\"prev\" href=\"01-threads.html\">"))
        #expect(middle.contains("<a class=\"pager-next\" rel=\"next\" href=\"03-queues.html\">"))
        #expect(middle.contains("1. Threads"))
        #expect(middle.contains("3. Queues"))

        let first = PageTemplate.chapter(Self.page(0), toc: Self.toc, bookTitle: "Book")
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("rel=\"next\""))
    }

    @Test("The run stamp and the source folder link follow the title")
    func stamp() throws {
        let html = PageTemplate.chapter(Self.page(0), toc: Self.toc, bookTitle: "Book")
        let stamp = try #require(html.range(of: "<p class=\"run-stamp\">"))
        let title = try #require(html.range(of: "</h1>"))
        #expect(title.upperBound < stamp.lowerBound)
        #expect(html.contains("<time datetime=\"2026-11-21T09:50:17Z\">2026-11-21 09:50 UTC</time>"))
        #expect(html.contains("Linux (Debian 12)"))
        #expect(html.contains("2 cores"))
        #expect(html.contains("Swift 6.3.1"))
        #expect(html.contains("release build"))
        #expect(html.contains("<a class=\"source-link\" href=\"../Chapters/01-threads/\">"))
    }

    @Test("A page with no program has no stamp but keeps its source link; odd dates are shown as they are")
    func noStamp() {
        var page = Self.page(0)
        page.stamp = nil
        let html = PageTemplate.chapter(page, toc: Self.toc, bookTitle: "Book")
        #expect(!html.contains("Output from a run"))
        #expect(html.contains("href=\"../Chapters/01-threads/\""))
        #expect(RunStampView.date("yesterday <3") == "yesterday &lt;3")
    }

    @Test("The index has the introduction and a table of contents of every chapter")
    func index() {
        let html = PageTemplate.index(toc: Self.toc, introHTML: "<h1>Concurrency</h1>\n<p>Welcome.</p>\n", bookTitle: "Concurrency")
        #expect(html.contains("<p>Welcome.</p>"))
        #expect(html.contains("<ol class=\"toc-main\">"))
        for link in Self.toc { #expect(html.contains("<a href=\"\(link.href)\">")) }
        #expect(html.contains("<li class=\"toc-current\"><a href=\"index.html\" aria-current=\"page\">"))
        #expect(html.contains("<link rel=\"next\" href=\"01-threads.html\">"))
        #expect(html.contains("href=\"\(PageTemplate.wholeBookHref)\""))
        // An introduction without a title gets the book's title.
        #expect(PageTemplate.index(toc: Self.toc, introHTML: "<p>Hi</p>", bookTitle: "B &").contains("<h1>B &amp;</h1>"))
    }

    @Test("The whole book puts each chapter in a section, with unique ids and links within the page")
    func wholeBook() {
        let pages = (0..<3).map { Self.page($0) }
        let html = PageTemplate.wholeBook(pages, bookTitle: "Book")
        #expect(html.contains("<section class=\"chapter book-chapter\" id=\"01-threads\">"))
        #expect(html.contains("<section class=\"chapter book-chapter\" id=\"03-queues\">"))
        #expect(html.contains("id=\"02-locks--exercises\""))
        #expect(html.contains("id=\"03-queues--exercises\""))
        #expect(html.contains("<a href=\"#02-locks--exercises\">this</a>"))
        #expect(html.contains("<a href=\"#01-threads--exercises\">that</a>"))
        #expect(html.contains("<a href=\"#02-locks\">"))
        #expect(!html.contains("id=\"sidebar\""))
        // Every id appears once.
        let ids = html.matches(of: #/\sid="([^"]+)"/#).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count)
        // The book's title is the only h1; chapter titles become h2, their sections h3.
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains("<h2 id=\"02-locks--locks-races\">Locks &amp; races</h2>"))
        #expect(html.contains("<h3 id=\"02-locks--exercises\">Exercises</h3>"))
        // Three run stamps, one per chapter.
        #expect(html.components(separatedBy: "class=\"run-stamp\"").count == 4)
    }

    @Test("A title that already starts with its number does not get it twice")
    func numberInTitle() {
        let link = PageLink(number: "01", title: "01 · Threads", href: "01-threads.html")
        #expect(link.numberedTitle == "01 · Threads")
        #expect(PageLink(number: "1", title: "01 · Threads", href: "x.html").numberedTitle == "01 · Threads")
        #expect(PageLink(number: "1", title: "Threads", href: "x.html").numberedTitle == "1. Threads")
        #expect(PageLink(number: "1", title: "10 ways", href: "x.html").numberedTitle == "1. 10 ways")
        let page = ChapterPage(link: link, bodyHTML: "<h1 id=\"t\">01 · Threads</h1>", headings: [], stamp: nil, sourceFolder: "Chapters/01-threads")
        let html = PageTemplate.chapter(page, toc: [link], bookTitle: "Book")
        #expect(!html.contains("toc-number"))
        #expect(html.contains("<title>01 · Threads · Book</title>"))
    }

    @Test("Page text from the builder is escaped in titles and links")
    func escaping() {
        let toc = [PageLink(number: "1", title: "<Threads>", href: "01-a\".html")]
        let page = ChapterPage(link: toc[0], bodyHTML: "<p>x</p>", headings: [], stamp: nil, sourceFolder: "Chapters/01-a")
        let html = PageTemplate.chapter(page, toc: toc, bookTitle: "<Book>")
        #expect(!html.contains("<Threads>"))
        #expect(!html.contains("<Book>"))
        #expect(html.contains("&lt;Threads&gt;"))
        #expect(html.contains("href=\"01-a&quot;.html\""))
    }
}
