// TEMPORARY: stand-ins for the presentation layer and the Markdown renderer until they
// land; deleted when they do.
import Foundation
import Notebook

public struct Heading: Equatable, Sendable { public let level: Int; public let text: String; public let id: String }
public enum HTML { public static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;") } }
public enum Markdown {
    public static func toHTML(_ s: String) -> String { s.components(separatedBy: "\n\n").map { $0.hasPrefix("\n<") || $0.hasPrefix("<") ? $0 : "<p>\($0.trimmingCharacters(in: .whitespacesAndNewlines))</p>" }.joined(separator: "\n") }
    public static func headings(_ s: String) -> [Heading] { s.split(separator: "\n").filter { $0.hasPrefix("#") }.map { l in let level = l.prefix(while: { $0 == "#" }).count; let t = l.dropFirst(level).trimmingCharacters(in: .whitespaces); return Heading(level: level, text: t, id: t.lowercased().replacingOccurrences(of: " ", with: "-")) } }
}
public enum Figures {
    public static func timeline(_ t: TimelineRecord) -> String { "<figure><svg width=\"10\" height=\"10\"><title>\(HTML.escape(t.title))</title></svg><figcaption>\(HTML.escape(t.title))</figcaption></figure>" }
    public static func bars(_ c: BarChartRecord) -> String { "<figure><svg width=\"10\" height=\"10\"></svg><figcaption>\(HTML.escape(c.title))</figcaption></figure>" }
    public static func table(_ t: TableRecord) -> String { "<table><tr>\(t.header.map { "<th>\(HTML.escape($0))</th>" }.joined())</tr>\(t.rows.map { "<tr>\($0.map { "<td>\(HTML.escape($0))</td>" }.joined())</tr>" }.joined())</table>" }
}
public enum Fragments {
    public static func code(_ code: String, language: String, source: String?, anchor: String?) -> String { "<pre><code>\(HTML.escape(code))</code></pre>" }
    public static func output(stdout: String, stderr: String) -> String { (stdout.isEmpty ? "" : "<pre class=\"stdout\">\(HTML.escape(stdout))</pre>") + (stderr.isEmpty ? "" : "<pre class=\"stderr\">\(HTML.escape(stderr))</pre>") }
    public static func checks(_ checks: [CheckRecord]) -> String { checks.isEmpty ? "" : "<ul>\(checks.map { "<li>✓ \(HTML.escape($0.message))</li>" }.joined())</ul>" }
    public static func diagnostic(_ text: String, command: String) -> String { "<pre class=\"diagnostic\">\(HTML.escape(text))</pre>" }
}
public struct PageLink: Sendable { public var number: String; public var title: String; public var href: String
    public init(number: String, title: String, href: String) { self.number = number; self.title = title; self.href = href } }
public struct ChapterPage: Sendable {
    public var link: PageLink; public var bodyHTML: String; public var headings: [Heading]; public var stamp: RunStamp?; public var sourceFolder: String; public var previous: PageLink?; public var next: PageLink?
    public init(link: PageLink, bodyHTML: String, headings: [Heading], stamp: RunStamp?, sourceFolder: String, previous: PageLink?, next: PageLink?) { self.link = link; self.bodyHTML = bodyHTML; self.headings = headings; self.stamp = stamp; self.sourceFolder = sourceFolder; self.previous = previous; self.next = next }
}
public enum PageTemplate {
    public static func chapter(_ page: ChapterPage, toc: [PageLink], bookTitle: String) -> String { "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(page.link.title))</title></head><body><p>\(HTML.escape(page.stamp?.summary ?? ""))</p>\(page.bodyHTML)</body></html>" }
    public static func index(toc: [PageLink], introHTML: String, bookTitle: String) -> String { "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(bookTitle))</title></head><body>\(introHTML)<ul>\(toc.map { "<li><a href=\"\($0.href)\">\(HTML.escape($0.title))</a></li>" }.joined())</ul></body></html>" }
    public static func wholeBook(_ pages: [ChapterPage], bookTitle: String) -> String { "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(bookTitle))</title></head><body>\(pages.map(\.bodyHTML).joined())</body></html>" }
}
public enum SearchIndex { public static func script(_ pages: [ChapterPage]) -> String { "window.BOOK_SEARCH = [];" } }
public enum Theme { public static let assetNames: [String] = [] }
