extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.isSpaceOrTab { scalars.removeFirst() }
        while let last = scalars.last, last.isSpaceOrTab { scalars.removeLast() }
        return String(scalars)
    }

    /// The string without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.isSpaceOrTab { scalars.removeLast() }
        return String(scalars)
    }
}
