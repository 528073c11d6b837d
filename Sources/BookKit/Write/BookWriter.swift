import Foundation
import Notebook

/// Writes the book: `index.html`, one page per chapter, `print.html` (the whole book on
/// one page), `book.md` (the whole book in Markdown), the search index, figures and the
/// theme's assets. Everything is rendered in memory first; files are then written to a
/// staging folder and renamed into place, so a reader never finds half a page. A file
/// whose content is already on disk is left alone: an unchanged build writes nothing,
/// and a watching browser is told only about the pages that changed.
public struct BookWriter {
    public static let bookTitle = "Concurrency in Swift 6, by running it"

    let repository: Repository
    let folder: URL
    let parts: PagePartCache

    public init(repository: Repository, folder: URL) {
        self.repository = repository
        self.folder = folder
        parts = PagePartCache(folder: repository.root.appendingPathComponent(".book/cache/parts"))
    }

    /// A chapter's page content: resolved from a run, or a notice that it has not run yet.
    public enum Content {
        case resolved(ResolvedChapter)
        case notRunYet(Chapter, title: String)
    }

    /// Which files to write: all of them, or (for `make watch`, which shows a saved page
    /// first) the chapter pages, index, figures and assets, or the files made of the
    /// whole book (`print.html`, `book.md`, the search index).
    public enum Files: Sendable {
        case all, pages, wholeBook
    }

    /// Writes the book; returns the files (relative to `folder`) whose content changed.
    @discardableResult
    public func write(_ contents: [Content], files wanted: Files = .all) throws -> [String] {
        try write(contents, solutions: nil, files: wanted)
    }

    /// Writes the book; `solutions` adds the Solutions part (a page outside the
    /// chapters' flow, and the end of `book.md`).
    @discardableResult
    func write(_ contents: [Content], solutions: SolutionsPart?, files wanted: Files = .all) throws -> [String] {
        let links = contents.map(link)
        let toc = links + (solutions.map { _ in [SolutionsPart.link] } ?? [])
        let pages = contents.enumerated().map { index, content in
            page(content, link: links[index],
                 previous: index > 0 ? links[index - 1] : nil,
                 next: index + 1 < links.count ? links[index + 1] : nil)
        }
        var files: [String: String] = [:]
        if wanted != .wholeBook {
            for page in pages {
                files[page.link.href] = PageTemplate.chapter(page, toc: toc, bookTitle: Self.bookTitle)
            }
            if let solutions {
                files[SolutionsPart.href] = PageTemplate.chapter(solutions.page, toc: toc, bookTitle: Self.bookTitle)
            }
            files["index.html"] = PageTemplate.index(toc: toc, introHTML: try introHTML(), bookTitle: Self.bookTitle)
            for case .resolved(let chapter) in contents {
                for (name, svg) in chapter.figureFiles { files["figures/\(name)"] = svg }
            }
            for asset in Theme.assetNames {
                let url = repository.root.appendingPathComponent("book/theme/\(asset)")
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw BookError("the theme's asset book/theme/\(asset) is missing")
                }
                files["assets/\(asset)"] = String(decoding: data, as: UTF8.self)
            }
        }
        if wanted != .pages {
            let hrefs = pages.map(\.link.href).joined(separator: " ")
            files[PageTemplate.wholeBookHref] = PageTemplate.wholeBook(pages, bookTitle: Self.bookTitle) { page, rewriter in
                parts.part("print", page: page.link.href, inputs: PagePartCache.inputs(page) + [hrefs]) {
                    PageTemplate.wholeBookSection(page, rewriter: rewriter)
                }
            }
            files[SearchIndex.relativePath] = SearchIndex.script(pages) { page in
                parts.part("search", page: page.link.href, inputs: PagePartCache.inputs(page)) { SearchIndex.entriesJSON(page) }
            }
            files["book.md"] = markdownBook(contents) + (solutions.map { "\n---\n\n" + $0.markdown } ?? "")
        }
        return try publish(files)
    }

    private func link(_ content: Content) -> PageLink {
        switch content {
        case .resolved(let chapter): PageLink(number: String(Int(chapter.chapter.number) ?? 0), title: chapter.title, href: "\(chapter.chapter.slug).html")
        case .notRunYet(let chapter, let title): PageLink(number: String(Int(chapter.number) ?? 0), title: title, href: "\(chapter.slug).html")
        }
    }

    private func page(_ content: Content, link: PageLink, previous: PageLink?, next: PageLink?) -> ChapterPage {
        switch content {
        case .resolved(let chapter):
            return ChapterPage(link: link, bodyHTML: chapter.html, headings: chapter.headings, stamp: chapter.stamp,
                               sourceFolder: repository.relative(chapter.chapter.folder), previous: previous, next: next)
        case .notRunYet(let chapter, let title):
            let body = "<h1>\(HTML.escape(title))</h1>\n<p>This chapter has not been run on this machine yet. Run <code>make chapter-\(chapter.number)</code> or <code>make book</code>.</p>"
            return ChapterPage(link: link, bodyHTML: body, headings: [], stamp: nil,
                               sourceFolder: repository.relative(chapter.folder), previous: previous, next: next)
        }
    }

    private func introHTML() throws -> String {
        let url = repository.root.appendingPathComponent("Chapters/index.md")
        guard let data = FileManager.default.contents(atPath: url.path) else { return "<h1>\(HTML.escape(Self.bookTitle))</h1>" }
        return Markdown.toHTML(String(decoding: data, as: UTF8.self))
    }

    private func markdownBook(_ contents: [Content]) -> String {
        let chapters = contents.map { content -> String in
            switch content {
            case .resolved(let chapter):
                let stamp = chapter.stamp.map { "\n\n> Run: \($0.summary)\n" } ?? ""
                return chapter.markdown.replacingFirstHeading(appending: stamp)
            case .notRunYet(let chapter, let title):
                return "# \(title)\n\nNot run yet: `make chapter-\(chapter.number)`."
            }
        }
        return "<!-- Generated by `make book`; edit Chapters/ instead. -->\n\n" + chapters.joined(separator: "\n\n---\n\n") + "\n"
    }

    /// Writes every changed file to a staging folder, then renames each into `folder`.
    private func publish(_ files: [String: String]) throws -> [String] {
        let fm = FileManager.default
        let changed = files.filter { name, text in
            fm.contents(atPath: folder.appendingPathComponent(name).path) != Data(text.utf8)
        }
        guard !changed.isEmpty else { return [] }
        let staging = folder.appendingPathComponent(".staging-\(getpid())")
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        for (name, text) in changed {
            let url = staging.appendingPathComponent(name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for name in changed.keys.sorted() {
            let target = folder.appendingPathComponent(name)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(staging.appendingPathComponent(name).path, target.path) != 0 {
                throw BookError("cannot write \(repository.relative(target)): \(String(cString: strerror(errno)))")
            }
        }
        return changed.keys.sorted()
    }
}

private extension String {
    /// Inserts `text` after the first line that is a level-1 heading.
    func replacingFirstHeading(appending text: String) -> String {
        guard !text.isEmpty, let heading = range(of: "(?m)^# .*$", options: .regularExpression) else { return self }
        return replacingCharacters(in: heading, with: self[heading] + text)
    }
}
