import Foundation

/// A chapter's prose as the builder reads it: an optional front matter block, then
/// Markdown lines in which directives (`{{#cell name}}`, `{{#value name}}`...) stand.
struct Prose {
    struct FrontMatter: Equatable {
        /// The watchdog's time budget for the chapter's run, in seconds.
        var budget: Double?
    }

    /// One line of Markdown and its 1-based line number in the file.
    struct Line {
        let number: Int
        let text: String
    }

    let path: String
    let frontMatter: FrontMatter
    let lines: [Line]

    init(path: String, text: String) throws {
        self.path = path
        var all = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { Line(number: $0.offset + 1, text: String($0.element)) }
        var frontMatter = FrontMatter()
        if all.first?.text == "---", let close = all.dropFirst().firstIndex(where: { $0.text == "---" }) {
            for line in all[1..<close] where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = line.text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                switch (parts.first, parts.count) {
                case ("budget", 2):
                    guard let seconds = Double(parts[1]), seconds > 0 else {
                        throw BookError("budget must be a number of seconds, not '\(parts[1])'", file: path, line: line.number)
                    }
                    frontMatter.budget = seconds
                default:
                    throw BookError("unknown front matter line '\(line.text)' (known: budget)", file: path, line: line.number)
                }
            }
            all.removeSubrange(0...close)
        }
        self.frontMatter = frontMatter
        self.lines = all
    }

    static func read(_ chapter: Chapter) throws -> Prose {
        guard let data = FileManager.default.contents(atPath: chapter.proseURL.path) else {
            throw BookError("cannot read \(chapter.prosePath)")
        }
        return try Prose(path: chapter.prosePath, text: String(decoding: data, as: UTF8.self))
    }

    static func frontMatter(of chapter: Chapter) throws -> FrontMatter {
        try read(chapter).frontMatter
    }

    /// The text of the first level-1 heading: the chapter's title.
    var title: String? {
        lines.first { $0.text.hasPrefix("# ") }.map { $0.text.dropFirst(2).trimmingCharacters(in: .whitespaces) }
    }
}

/// A directive found in the prose.
struct Directive: Equatable {
    enum Kind: String, CaseIterable {
        case cell, code, output, include, figure, value
        case compileFail = "compile-fail"
        case compileWarn = "compile-warn"
        case run, trap, tsan
    }

    let kind: Kind
    let argument: String
    let line: Int

    /// A line that is exactly one block directive, e.g. `{{#cell five-workers}}`.
    static func block(in line: Prose.Line, path: String) throws -> Directive? {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("{{#"), text.hasSuffix("}}"), text.components(separatedBy: "{{#").count == 2 else { return nil }
        let directive = try parse(String(text.dropFirst(3).dropLast(2)), line: line.number, path: path)
        guard directive.kind != .value else { return nil }  // a value alone on a line is inline text
        return directive
    }

    /// `{{ #cell name }}` would be printed as text: a directive written with spaces is an error.
    static func refuseSpaced(in line: Prose.Line, path: String) throws {
        guard let found = line.text.firstMatch(of: /(?:^|[^\\])(\{\{\s+#\s*([a-z-]+)[^}]*\}\})/) else { return }
        throw BookError("'\(found.output.1)' has spaces after '{{': write it '{{#\(found.output.2) ...}}' (or '\\{{#' for a literal '{{#')",
                        file: path, line: line.number)
    }

    /// Parses `kind argument` (the text between `{{#` and `}}`).
    static func parse(_ inner: String, line: Int, path: String) throws -> Directive {
        let parts = inner.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        guard let kind = Kind(rawValue: name) else {
            throw BookError("unknown directive '{{#\(name)}}' (known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))", file: path, line: line)
        }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard !argument.isEmpty else {
            throw BookError("{{#\(name)}} needs an argument", file: path, line: line)
        }
        return Directive(kind: kind, argument: argument, line: line)
    }
}
