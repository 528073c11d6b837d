import Notebook

/// The line under a chapter's title that says which run its output came from, and where
/// its source lives: date, OS, cores, Swift version, build configuration, source folder.
enum RunStampView {
    /// - Parameter sourceFolder: relative to the repository root; pages live one folder
    ///   down (`book/`), so the link is `../` + folder.
    static func html(_ stamp: RunStamp?, sourceFolder: String) -> String {
        var parts: [String] = []
        if let stamp {
            parts.append("<span class=\"run-stamp-label\">Output from a run on</span> \(date(stamp.date))")
            parts.append(HTML.escape(stamp.operatingSystem))
            parts.append("\(stamp.cores) core\(stamp.cores == 1 ? "" : "s")")
            parts.append("Swift \(HTML.escape(stamp.swiftVersion))")
            parts.append("\(HTML.escape(stamp.configuration)) build")
        }
        if !sourceFolder.isEmpty {
            let folder = sourceFolder.hasSuffix("/") ? sourceFolder : sourceFolder + "/"
            parts.append("source: <a class=\"source-link\" href=\"../\(HTML.escape(folder))\"><code>\(HTML.escape(folder))</code></a>")
        }
        guard !parts.isEmpty else { return "" }
        // Each item stays on one line; the separator belongs to the item after it.
        let items = parts.enumerated().map { index, part in
            "<span class=\"run-stamp-item\">" + (index == 0 ? "" : "<span class=\"sep\" aria-hidden=\"true\">· </span>") + part + "</span>"
        }
        return "<p class=\"run-stamp\">" + items.joined(separator: " ") + "</p>\n"
    }

    /// An ISO 8601 date as `2026-11-21 09:50 UTC` inside a machine-readable `<time>`;
    /// anything else is shown as it is.
    static func date(_ text: String) -> String {
        let pattern = #/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/#
        guard let match = text.wholeMatch(of: pattern) else { return HTML.escape(text) }
        let zone = match.3 == "Z" ? "UTC" : "UTC\(match.3)"
        return "<time datetime=\"\(HTML.escape(text))\">\(match.1) \(match.2) \(zone)</time>"
    }
}
