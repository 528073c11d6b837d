import Foundation
import Notebook

/// The Markdown form of each block the builder inserts, for `book/book.md`: readable
/// on any forge or in any editor, with figures as SVG files beside it.
enum MarkdownBlocks {
    static func code(_ text: String, source: String?, anchor: String?, language: String = "swift") -> String {
        let caption = source.map { "<sub>`\($0)`\(anchor.map { " · \($0)" } ?? "")</sub>\n\n" } ?? ""
        return caption + fenced(text, info: language)
    }

    static func output(stdout: String, stderr: String) -> String {
        var parts: [String] = []
        if !stdout.isEmpty { parts.append("Output:\n\n" + fenced(TerminalText.plain(stdout), info: "text")) }
        if !stderr.isEmpty { parts.append("Standard error:\n\n" + fenced(TerminalText.plain(stderr), info: "text")) }
        return parts.joined(separator: "\n\n")
    }

    static func text(_ text: String, label: String) -> String {
        "\(label):\n\n" + fenced(text, info: "text")
    }

    /// A compiler's or program's report as text, then its diagnostic groups as links
    /// (a fenced block cannot hold links).
    static func diagnostic(_ output: String, label: String) -> String {
        let groups = DiagnosticGroups(output).pages
        let links = groups.map { "[`[#\($0.name)]`](\($0.url))" }.joined(separator: ", ")
        return text(output, label: label) + (groups.isEmpty ? "" : "\n\nDiagnostic groups: \(links)")
    }

    static func checks(_ checks: [CheckRecord]) -> String {
        checks.map { "- \($0.passed ? "✓" : "✗") \(escapeInline($0.message))" }.joined(separator: "\n")
    }

    static func table(_ table: TableRecord) -> String {
        let row = { (cells: [String]) in "| " + cells.map { escapeInline($0) }.joined(separator: " | ") + " |" }
        return (["**\(escapeInline(table.title))**", "", row(table.header),
                 "|" + String(repeating: " --- |", count: table.header.count)] + table.rows.map(row))
            .joined(separator: "\n")
    }

    static func figure(_ figure: FigureRecord, file: String) -> String {
        switch figure {
        case .timeline(let timeline):
            return "![\(escapeInline(timeline.title))](\(file))"
        case .bars(let chart):
            let rows = chart.bars.map { [$0.label, Format.number($0.value, digits: 3), $0.ideal.map { Format.number($0, digits: 3) } ?? ""] }
            return "![\(escapeInline(chart.title))](\(file))\n\n"
                + table(TableRecord(name: chart.name, title: "\(chart.title) (\(chart.unit))", header: ["", chart.unit, "ideal"], rows: rows))
        case .table(let table):
            return Self.table(table)
        }
    }

    /// A fenced block whose fence is longer than any run of backticks in `text`.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return "\(fence)\(info)\n\(body)\n\(fence)"
    }

    /// Backslash-escapes Markdown's punctuation so measured text is shown as it is.
    static func escapeInline(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
