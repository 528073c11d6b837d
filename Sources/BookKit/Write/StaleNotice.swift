import Foundation
import Notebook

/// The notice on a page whose output is not from the chapter's current code: the latest
/// run failed (the page keeps the last good run's output), or the sources changed since
/// that run (`make pages` renders without running).
struct StaleNotice {
    let chapter: Chapter
    let stamp: RunStamp
    let failure: RunHistory.Failure?
    let changedSources: [String]?
    /// Anchors (cells' code) changed since the run: each such code block gets a mark.
    var changedAnchors: Set<String> = []

    /// Sentences for the notice, empty when the output is current.
    var sentences: [String] {
        var result: [String] = []
        if let failure {
            let firstLine = failure.message.split(separator: "\n").first.map(String.init) ?? failure.message
            result.append("This output is from the run of \(stamp.date); the latest run (\(failure.date)) failed: \(firstLine)")
        }
        if let changed = changedSources, !changed.isEmpty, failure == nil {
            result.append("The code in \(changed.joined(separator: ", ")) has changed since the run of \(stamp.date) that produced this output: `make chapter-\(chapter.number)` refreshes it.")
        }
        return result
    }

    func applied(to resolved: ResolvedChapter) -> ResolvedChapter {
        // A failure's message may quote what a cell printed: no control byte reaches the page.
        let sentences = self.sentences.map(TerminalText.plain)
        guard !sentences.isEmpty || !changedAnchors.isEmpty else { return resolved }
        var (pageHTML, pageMarkdown) = (resolved.html, resolved.markdown)
        for anchor in changedAnchors.sorted() {
            // The header Fragments.code gives a region, and the caption MarkdownBlocks.code gives it.
            let header = "<span class=\"code-anchor\" title=\"anchor in the file\">#\(HTML.escape(anchor))</span>"
            pageHTML = pageHTML.replacingOccurrences(of: header, with: header
                + " <strong class=\"code-stale\" title=\"the output below is from an older version of this code\">changed since this output was produced</strong>")
            pageMarkdown = pageMarkdown.replacingOccurrences(of: " · \(anchor)</sub>", with: " · \(anchor) · **changed since this output was produced**</sub>")
        }
        guard !sentences.isEmpty else {
            return ResolvedChapter(chapter: resolved.chapter, title: resolved.title, html: pageHTML, markdown: pageMarkdown,
                                   headings: resolved.headings, stamp: resolved.stamp, figureFiles: resolved.figureFiles,
                                   notes: resolved.notes)
        }
        let html = "<div class=\"callout callout-warning run-notice\" role=\"note\"><p class=\"callout-title\">Older output</p>\n"
            + sentences.map { "<p>\(Self.codeSpans(HTML.escape($0)))</p>" }.joined(separator: "\n") + "\n</div>\n"
        let markdown = "> **Older output.** " + sentences.joined(separator: " ").replacingOccurrences(of: "\n", with: " ") + "\n"
        return ResolvedChapter(chapter: resolved.chapter, title: resolved.title,
                               html: Self.insert(html, afterFirst: "</h1>", in: pageHTML),
                               markdown: Self.insertAfterFirstHeading(markdown, in: pageMarkdown),
                               headings: resolved.headings, stamp: resolved.stamp, figureFiles: resolved.figureFiles,
                               notes: resolved.notes)
    }

    /// `make chapter-01` in a sentence becomes `<code>make chapter-01</code>`.
    private static func codeSpans(_ escaped: String) -> String {
        escaped.replacing(/`([^`]+)`/) { "<code>\($0.output.1)</code>" }
    }

    private static func insert(_ text: String, afterFirst marker: String, in html: String) -> String {
        guard let range = html.range(of: marker) else { return text + html }
        return html.replacingCharacters(in: range, with: marker + "\n" + text)
    }

    private static func insertAfterFirstHeading(_ text: String, in markdown: String) -> String {
        guard let heading = markdown.range(of: "(?m)^# .*$", options: .regularExpression) else { return text + "\n" + markdown }
        return markdown.replacingCharacters(in: heading, with: markdown[heading] + "\n\n" + text)
    }
}
