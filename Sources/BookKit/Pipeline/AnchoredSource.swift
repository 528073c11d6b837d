import Foundation

/// A source file read for the book: its named regions, marked by comment lines
/// `// ANCHOR: name` and `// ANCHOR_END: name` (as in mdBook). Regions may nest and
/// overlap; anchor lines themselves are never shown.
public struct AnchoredSource: Sendable {
    public let path: String
    public let lines: [Substring]
    /// Line ranges (0-based, exclusive end) of each region, by name.
    public let regions: [String: Range<Int>]

    public init(path: String, text: String) throws {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var open: [String: Int] = [:], regions: [String: Range<Int>] = [:]
        for (index, line) in lines.enumerated() {
            guard let (kind, name) = Self.anchor(in: line) else { continue }
            if kind == "ANCHOR" {
                if open[name] != nil || regions[name] != nil {
                    throw BookError("anchor '\(name)' is defined twice", file: path, line: index + 1)
                }
                open[name] = index
            } else {
                guard let start = open.removeValue(forKey: name) else {
                    throw BookError("ANCHOR_END: \(name) has no matching ANCHOR", file: path, line: index + 1)
                }
                regions[name] = start + 1 ..< index
            }
        }
        if let (name, start) = open.min(by: { $0.value < $1.value }) {
            throw BookError("anchor '\(name)' is never closed with ANCHOR_END", file: path, line: start + 1)
        }
        self.regions = regions
    }

    public init(contentsOf url: URL, displayPath: String) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BookError("cannot read \(displayPath)")
        }
        try self.init(path: displayPath, text: String(decoding: data, as: UTF8.self))
    }

    /// `("ANCHOR", name)` or `("ANCHOR_END", name)` if `line` is an anchor comment.
    static func anchor(in line: Substring) -> (String, String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("//") else { return nil }
        let body = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
        for kind in ["ANCHOR_END", "ANCHOR"] where body.hasPrefix(kind + ":") {
            let name = body.dropFirst(kind.count + 1).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : (kind, name)
        }
        return nil
    }

    /// The whole file, or one region, without anchor lines and with common indentation removed.
    public func text(anchor: String? = nil) -> String? {
        let range: Range<Int>
        if let anchor {
            guard let region = regions[anchor] else { return nil }
            range = region
        } else {
            range = 0 ..< lines.count
        }
        var shown = lines[range].filter { Self.anchor(in: $0) == nil }
        while shown.first?.allSatisfy(\.isWhitespace) == true { shown.removeFirst() }
        while shown.last?.allSatisfy(\.isWhitespace) == true { shown.removeLast() }
        let indent = shown.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return shown.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }
            .joined(separator: "\n")
    }

    /// Lines of the form `// <key>: text`, e.g. `// expect-error: ...`.
    public func directives(_ key: String) -> [String] {
        lines.compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("// \(key):") else { return nil }
            return trimmed.dropFirst("// \(key):".count).trimmingCharacters(in: .whitespaces)
        }
    }
}
