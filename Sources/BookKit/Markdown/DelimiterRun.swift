extension Markdown {
    /// A run of `*` or `_` that may open or close emphasis (CommonMark section 6.2).
    /// The inline parser keeps runs aside until it knows which ones pair up.
    struct DelimiterRun: Equatable {
        let character: Unicode.Scalar
        /// How many delimiters are still unused.
        var count: Int
        /// The run's length as written: the "rule of 3" looks at it.
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool

        /// Classifies the run of `count` `character`s between `before` and `after`
        /// (a line's start or end counts as whitespace).
        init(character: Unicode.Scalar, count: Int, before: Unicode.Scalar?, after: Unicode.Scalar?) {
            self.character = character
            self.count = count
            self.originalCount = count
            let beforeIsSpace = before?.isMarkdownWhitespace ?? true
            let afterIsSpace = after?.isMarkdownWhitespace ?? true
            let beforeIsPunctuation = before?.isMarkdownPunctuation ?? false
            let afterIsPunctuation = after?.isMarkdownPunctuation ?? false
            // Left-flanking: not followed by whitespace, and not followed by
            // punctuation unless preceded by whitespace or punctuation.
            let leftFlanking = !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
            let rightFlanking = !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)
            if character == "_" {
                // `_` inside a word (snake_case) is not emphasis.
                canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation)
                canClose = rightFlanking && (!leftFlanking || afterIsPunctuation)
            } else {
                canOpen = leftFlanking
                canClose = rightFlanking
            }
        }

        /// Whether this run (an opener) may pair with `closer`. The "rule of 3": if
        /// either run could both open and close, their lengths must not add up to a
        /// multiple of 3, unless both are multiples of 3. (So `*foo**bar*` is one
        /// emphasis, not a mess of nested ones.)
        func canPair(withCloser closer: DelimiterRun) -> Bool {
            guard character == closer.character, canOpen else { return false }
            guard canClose || closer.canOpen else { return true }
            let sum = originalCount + closer.originalCount
            return sum % 3 != 0 || (originalCount % 3 == 0 && closer.originalCount % 3 == 0)
        }
    }
}
