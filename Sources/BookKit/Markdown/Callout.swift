extension Markdown {
    /// The kinds of GitHub callout: `> [!NOTE]`, `> [!TIP]` and so on.
    enum Callout: String, CaseIterable, Equatable {
        case note, tip, important, warning, caution

        /// The title shown at the top of the callout box.
        var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

        /// Recognizes a callout marker line such as `[!Note]` (case-insensitive,
        /// trailing spaces allowed).
        init?(markerLine: String) {
            let trimmed = markerLine.trimmingTrailingSpaces()
            guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
            let name = trimmed.dropFirst(2).dropLast().lowercased()
            self.init(rawValue: name)
        }
    }
}
