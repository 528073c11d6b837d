/// An HTML table of text cells. Cells that read as numbers (`0.21 s`, `1,024`, `-3`) get
/// the class `num`, which right-aligns them so their digits line up.
struct DataTable {
    var header: [String]
    var rows: [[String]]

    func html() -> String {
        var html = "<table>\n"
        if !header.isEmpty {
            html += "<thead><tr>"
            for cell in header { html += "<th scope=\"col\">\(HTML.escape(cell))</th>" }
            html += "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in rows {
            html += "<tr>"
            for cell in row {
                let numeric = Self.looksNumeric(cell) ? " class=\"num\"" : ""
                html += "<td\(numeric)>\(HTML.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// A number, optionally signed, with separators, optionally followed by a short unit.
    static func looksNumeric(_ cell: String) -> Bool {
        cell.range(of: #"^\s*[-+−]?[0-9][0-9,._ ]*\s*(%|×|x|[a-zA-Zµ/]{1,6})?\s*$"#,
                   options: .regularExpression) != nil
    }
}
