import Foundation

/// An HTML table of text cells. A column whose cells all read as numbers (`0.21 s`,
/// `1,024`, `-3`, with `–` for "none") gets the class `num` on its header and cells, which
/// right-aligns them so digits line up under each other.
struct DataTable {
    var header: [String]
    var rows: [[String]]

    func html() -> String {
        let numeric = numericColumns()
        let numClass = { (column: Int) in numeric.contains(column) ? " class=\"num\"" : "" }
        var html = "<table>\n"
        if !header.isEmpty {
            html += "<thead><tr>"
            for (column, cell) in header.enumerated() {
                html += "<th scope=\"col\"\(numClass(column))>\(HTML.escape(cell))</th>"
            }
            html += "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                html += "<td\(numClass(column))>\(HTML.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// The columns with at least one number and nothing but numbers or blanks.
    func numericColumns() -> Set<Int> {
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        return Set((0..<width).filter { column in
            let cells = rows.compactMap { column < $0.count ? $0[column] : nil }
                .filter { !Self.isBlank($0) }
            return !cells.isEmpty && cells.allSatisfy(Self.looksNumeric)
        })
    }

    static func isBlank(_ cell: String) -> Bool {
        ["", "–", "-", "—"].contains(cell.trimmingCharacters(in: .whitespaces))
    }

    /// A number, optionally signed, with separators, optionally followed by a short unit.
    static func looksNumeric(_ cell: String) -> Bool {
        cell.range(of: #"^\s*[-+−]?[0-9][0-9,._ ]*\s*(%|×|x|[a-zA-Zµ/]{1,6})?\s*$"#,
                   options: .regularExpression) != nil
    }
}
