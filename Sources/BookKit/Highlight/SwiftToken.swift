extension SwiftHighlighter {
    /// A piece of Swift source: its text, and how to color it (nil: leave plain).
    struct Token: Equatable {
        enum Kind: String {
            case keyword, type, string, number, comment, attribute, directive
            case functionCall = "function-call"
        }

        var kind: Kind?
        var text: String
    }
}
