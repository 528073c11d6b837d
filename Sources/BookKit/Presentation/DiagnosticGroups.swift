import Foundation

/// The diagnostic groups a compiler's output names. Swift 6.3 ends a message with its
/// group, `... shared mutable state [#MutableGlobalVariable]`, and after the diagnostics
/// prints one line per group with the address of the compiler's page about it:
/// `[#MutableGlobalVariable]: <https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable>`.
public struct DiagnosticGroups: Equatable, Sendable {
    /// Group name (without `[#` and `]`) -> the page's address, in the order printed.
    public let pages: [(name: String, url: String)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.pages.map(\.name) == rhs.pages.map(\.name) && lhs.pages.map(\.url) == rhs.pages.map(\.url)
    }

    /// The groups whose page line the output contains. Only http(s) addresses are kept.
    public init(_ output: String) {
        var pages: [(String, String)] = []
        for line in output.split(separator: "\n") {
            guard let match = Self.pageLine(line), !pages.contains(where: { $0.0 == match.name }) else { continue }
            pages.append(match)
        }
        self.pages = pages
    }

    public func url(of name: String) -> String? { pages.first { $0.name == name }?.url }

    /// `(name, url)` if `line` is a group's page line.
    static func pageLine(_ line: Substring) -> (name: String, url: String)? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("[#"), let close = text.firstIndex(of: "]") else { return nil }
        let name = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
        let rest = text[text.index(after: close)...]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }),
              rest.hasPrefix(": <"), rest.hasSuffix(">") else { return nil }
        let url = String(rest.dropFirst(3).dropLast())
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(where: { $0 == " " || $0 == "\"" }) else { return nil }
        return (name, url)
    }

    /// One escaped line of output with every known `[#Group]` (and a bare address of a
    /// group's page) turned into a link to the group's page. The links are marked
    /// `rel="external"`: references outside the book, which reads the same offline.
    public func linkedHTML(_ line: String) -> String {
        var html = HTML.escape(line)
        for (name, url) in pages {
            let href = HTML.escape(url)
            let tag = "[#\(name)]"
            html = html.replacingOccurrences(of: "&lt;\(href)&gt;", with: "&lt;<a rel=\"external\" href=\"\(href)\">\(href)</a>&gt;")
            html = html.replacingOccurrences(of: tag, with: "<a class=\"diag-group\" rel=\"external\" href=\"\(href)\">\(tag)</a>")
        }
        return html
    }
}
