import Foundation

/// What a reader sees when a chapter runs in the terminal: cell headings, output,
/// check results and the numbers behind each figure.
struct Terminal: Sendable {
    let output: FileHandle
    let colors: Bool

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func line(_ text: String) {
        fflush(nil)  // the program's own buffered output comes first
        output.write(Data((text + "\n").utf8))
    }

    func banner(_ stamp: RunStamp) {
        line(paint("Run: \(stamp.summary)", "2"))
    }

    func cellHeading(index: Int, name: String, title: String) {
        line("")
        line(paint("── [\(index)] \(title) ", "1;36") + paint("(\(name))", "2"))
    }

    func echo(_ captured: CapturedOutput) {
        if !captured.stdout.isEmpty { output.write(Data(captured.stdout.utf8)) }
        if !captured.stderr.isEmpty {
            let marked = captured.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(captured.stderr.hasSuffix("\n") ? 1 : 0)
                .map { paint("stderr│ ", "31") + $0 }
            line(marked.joined(separator: "\n"))
        }
    }

    func check(_ record: CheckRecord) {
        line(record.passed ? paint("  ✓ \(record.message)", "32")
                           : paint("  ✗ CHECK FAILED: \(record.message) (\(record.location))", "1;31"))
    }

    func failure(_ message: String) {
        line(paint("✗ \(message)", "1;31"))
    }

    func figure(_ figure: FigureRecord) {
        switch figure {
        case .timeline(let record): timeline(record)
        case .bars(let record): bars(record)
        case .table(let record): table(record)
        }
    }

    func timeline(_ timeline: TimelineRecord) {
        line(paint("  timeline \(timeline.name): \(timeline.title)", "35"))
        let width = 40, end = max(timeline.end, 1e-9)
        let laneWidth = min(24, timeline.lanes.map(\.count).max() ?? 0)
        for lane in timeline.lanes {
            var bar = Array(repeating: Character("·"), count: width)
            for span in timeline.spans where span.lane == lane {
                let from = Int(span.start / end * Double(width - 1))
                let to = max(from, Int(span.end / end * Double(width - 1)))
                for i in from...to { bar[i] = "█" }
            }
            line("    \(lane.padding(toLength: laneWidth, withPad: " ", startingAt: 0)) \(String(bar))")
        }
        line("    \(String(repeating: " ", count: laneWidth)) 0 s\(String(repeating: " ", count: width - 3 - Format.duration(end).count))\(Format.duration(end))")
    }

    func bars(_ chart: BarChartRecord) {
        line(paint("  chart \(chart.name): \(chart.title) (\(chart.unit))", "35"))
        let labelWidth = chart.bars.map(\.label.count).max() ?? 0
        let top = chart.bars.map { max($0.value, $0.ideal ?? 0) }.max() ?? 1
        for bar in chart.bars {
            let length = top > 0 ? Int((bar.value / top * 30).rounded()) : 0
            let ideal = bar.ideal.map { "  (ideal \(Format.number($0, digits: 3)))" } ?? ""
            line("    \(bar.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)) \(String(repeating: "▇", count: length)) \(Format.number(bar.value, digits: 3))\(ideal)")
        }
    }

    func table(_ table: TableRecord) {
        line(paint("  table \(table.name): \(table.title)", "35"))
        let columns = table.header.indices.map { column in
            ([table.header] + table.rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func render(_ row: [String]) -> String {
            "    " + row.enumerated().map { $1.padding(toLength: columns[min($0, columns.count - 1)], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        line(render(table.header))
        line("    " + columns.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        table.rows.forEach { line(render($0)) }
    }

    func summary(cells: Int, checks: Int, seconds: Double) {
        line("")
        line(paint("✓ \(cells) cells, \(checks) checks passed in \(Format.duration(seconds)).", "1;32"))
    }
}
