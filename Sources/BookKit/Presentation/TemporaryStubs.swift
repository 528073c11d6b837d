// TEMPORARY STUBS - DELETE AT MERGE (the whole file).
//
// `HTML.escape(_:)`, `Heading` and `SwiftHighlighter.highlight(_:)` belong to Sources/BookKit/Markdown
// and Sources/BookKit/Highlight, which another branch provides. These stand-ins let the
// presentation code compile and be tested on its own; the merge removes this whole file.

/// Stand-in for the Markdown branch's `HTML`: escapes the five characters that matter.
public enum HTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Stand-in for the Highlight branch's `SwiftHighlighter`: escapes, colours nothing.
public enum SwiftHighlighter {
    public static func highlight(_ code: String) -> String { HTML.escape(code) }
}

/// Stand-in for the Markdown branch's `Heading` (Sources/BookKit/Markdown/Heading.swift):
/// a heading as `Markdown.headings(_:)` reports it. Same fields, same initializer.
public struct Heading: Equatable, Sendable {
    /// 1 for `#`, up to 6 for `######`.
    public let level: Int
    /// The heading's text without any markup.
    public let text: String
    /// The `id` attribute the rendered heading element carries.
    public let id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
