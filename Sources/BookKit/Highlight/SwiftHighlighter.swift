/// Colors Swift code for the book's pages.
public enum SwiftHighlighter {
    /// HTML-escaped Swift code with tokens wrapped in `<span class="tok-KIND">`
    /// (keyword, type, string, number, comment, attribute, directive, function-call).
    /// No `<pre>`/`<code>` wrapper. Removing the tags and unescaping gives back
    /// `code` exactly.
    public static func highlight(_ code: String) -> String {
        var html = ""
        html.reserveCapacity(code.utf8.count * 2)
        for token in SwiftTokenizer.tokenize(code) {
            if let kind = token.kind {
                html += "<span class=\"tok-\(kind.rawValue)\">" + HTML.escape(token.text) + "</span>"
            } else {
                html += HTML.escape(token.text)
            }
        }
        return html
    }
}
