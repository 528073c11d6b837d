public enum SwiftHighlighter {
    public static func highlight(_ code: String) -> String { HTML.escape(code) }
}
