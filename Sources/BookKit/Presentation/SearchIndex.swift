import Foundation

/// The book's search index, built with the book: one entry per section of every page
/// (the page's title, the heading, a link to `page#heading`, and the section's text).
///
/// It is a script, not JSON, because browsers refuse `fetch()` of a local file when the
/// book is opened from `file://`; `book.js` reads `window.BOOK_SEARCH`.
public enum SearchIndex {
    /// Where the builder writes the script, relative to `book/`.
    public static let relativePath = "search-index.js"

    /// One searchable section.
    struct Entry: Codable, Equatable {
        var page: String
        var heading: String
        var url: String
        var text: String
    }

    /// The content of `search-index.js`: `window.BOOK_SEARCH = [...];`.
    public static func script(_ pages: [ChapterPage]) -> String {
        script(pages, entriesJSON: entriesJSON)
    }

    /// The same, with each page's entries made by `entriesJSON` (the builder reuses
    /// those of unchanged pages).
    static func script(_ pages: [ChapterPage], entriesJSON: (ChapterPage) -> String) -> String {
        let json = "[" + pages.map(entriesJSON).filter { !$0.isEmpty }.joined(separator: ",") + "]"
        return "// The book's search index, generated with the book. Read by book.js.\n"
            + "window.BOOK_SEARCH = \(json);\n"
    }

    /// One page's entries as JSON objects separated by commas, without the brackets, so
    /// that pages' parts joined by commas make the whole array.
    static func entriesJSON(_ page: ChapterPage) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries(page))) ?? Data("[]".utf8)
        let json = String(decoding: data, as: UTF8.self)
            // Line and paragraph separators end a line in older JavaScript engines.
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return String(json.dropFirst().dropLast())
    }

    /// A page cut at its headings: the text before the first heading belongs to the page
    /// itself, the text after each heading to that heading.
    static func entries(_ page: ChapterPage) -> [Entry] {
        let body = page.bodyHTML
        var cuts: [(heading: Heading?, start: String.Index)] = [(nil, body.startIndex)]
        var searchFrom = body.startIndex
        for heading in page.headings {
            guard let found = body.range(of: "id=\"\(heading.id)\"", range: searchFrom..<body.endIndex) else { continue }
            // Cut at the start of the heading's tag, so its own text is not in the previous section.
            let tagStart = body[..<found.lowerBound].lastIndex(of: "<") ?? found.lowerBound
            cuts.append((heading, tagStart))
            searchFrom = found.upperBound
        }
        var entries: [Entry] = []
        for (index, cut) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1].start : body.endIndex
            let text = plainText(String(body[cut.start..<end]))
            guard let heading = cut.heading else {
                if !text.isEmpty { entries.append(Entry(page: page.link.numberedTitle, heading: "", url: page.link.href, text: text)) }
                continue
            }
            let url = heading.level == 1 ? page.link.href : "\(page.link.href)#\(heading.id)"
            entries.append(Entry(page: page.link.numberedTitle, heading: heading.text, url: url, text: text))
        }
        return entries
    }

    /// The words a reader sees: tags and charts dropped, entities decoded, spaces collapsed.
    static func plainText(_ html: String) -> String {
        var text = html.replacing(#/<svg[\s\S]*?</svg>/#, with: " ")
        text = text.replacing(#/<button[\s\S]*?</button>/#, with: " ")
        // Inline tags join their neighbours ("<code>join</code>." reads "join."); others separate words.
        text = text.replacing(#/</?(?:a|abbr|b|code|em|i|kbd|mark|samp|small|span|strong|sub|sup|time|var)\b[^>]*>/#, with: "")
        text = text.replacing(#/<[^>]*>/#, with: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return String(words.joined(separator: " ").prefix(20_000))
    }
}
