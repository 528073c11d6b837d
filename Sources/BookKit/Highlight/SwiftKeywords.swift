extension SwiftHighlighter {
    /// The words the highlighter colors as keywords.
    enum Keywords {
        /// Always keywords (and `Any`/`Self`, which read as keywords though they are types).
        static let reserved: Set<String> = [
            "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
            "init", "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol",
            "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
            "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
            "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
            "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Any",
            "async", "await", "actor", "nonisolated", "some", "any",
        ]

        /// Keywords only in some positions; also common names of functions and
        /// variables, so `copy(x)` or `.optional` stay plain.
        static let contextual: Set<String> = [
            "sending", "isolated", "consuming", "borrowing", "consume", "copy", "discard", "mutating",
            "nonmutating", "override", "final", "lazy", "weak", "unowned", "convenience", "required",
            "optional", "dynamic", "indirect", "open", "package", "macro", "willSet", "didSet",
            "infix", "prefix", "postfix",
        ]
    }
}
