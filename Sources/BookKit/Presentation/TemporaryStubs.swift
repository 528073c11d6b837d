// TEMPORARY STUBS - DELETE AT MERGE.
//
// `HTML.escape(_:)` and `SwiftHighlighter.highlight(_:)` belong to Sources/BookKit/Markdown
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
