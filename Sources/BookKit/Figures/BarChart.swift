import Notebook

/// Draws a `BarChartRecord` as horizontal SVG bars.
///
/// Each bar has its label above it, followed by its value (so long labels never squeeze
/// the plot, and a phone shows every number without scrolling sideways); a bar with an
/// ideal (the physical limit) gets a dashed `line.ideal-marker` across it at the ideal's
/// position and how close the measurement came beside the value
/// ("0.213 s · ideal 0.200 s · 107% of ideal"), which reads the same for times and
/// speed-ups, and a
/// legend explains the marker. The axis below starts at zero and names the unit.
struct BarChart {
    let record: BarChartRecord
    let axis: AxisScale

    static let width = 720.0
    static let rowHeight = 46.0
    static let barHeight = 18.0
    /// The label's baseline and the bar's top, from the top of a row.
    static let labelBaseline = 15.0
    static let barOffset = 21.0
    static let leftMargin = 14.0
    static let axisHeight = 44.0
    static let characterWidth = 6.6
    static let maxLabelCharacters = 80

    init(_ record: BarChartRecord) {
        self.record = record
        let largest = record.bars.flatMap { [$0.value, $0.ideal ?? 0] }.max() ?? 0
        axis = AxisScale(upTo: largest)
    }

    var hasIdeals: Bool { record.bars.contains { $0.ideal != nil } }
    var top: Double { hasIdeals ? 28 : 8 }

    var plotX: Double { Self.leftMargin }
    /// The plot spans the chart, leaving room for the last tick's label.
    var plotWidth: Double { Self.width - 2 * Self.leftMargin - 12 }
    var totalWidth: Double { Self.width }
    var height: Double { top + Double(max(record.bars.count, 1)) * Self.rowHeight + Self.axisHeight }

    func x(_ value: Double) -> Double { plotX + axis.position(of: value, length: plotWidth) }

    /// The text printed at a bar's end.
    func valueText(_ bar: Bar) -> String {
        var text = FigureNumber.text(bar.value, unit: record.unit)
        if let ideal = bar.ideal {
            text += " · ideal \(FigureNumber.text(ideal, unit: record.unit))"
            if let percent = Self.percentOfIdeal(bar) { text += " · \(percent)% of ideal" }
        }
        return text
    }

    /// The value as a whole percentage of its ideal, when there is a positive ideal.
    static func percentOfIdeal(_ bar: Bar) -> Int? {
        guard let ideal = bar.ideal, ideal > 0, bar.value.isFinite else { return nil }
        return Int((bar.value / ideal * 100).rounded())
    }

    /// The axis title: the unit spelled out when it is a common one.
    var axisTitle: String {
        switch record.unit {
        case "s": "seconds"
        case "ms": "milliseconds"
        case "µs", "us": "microseconds"
        case "ns": "nanoseconds"
        case "×", "x": "times (×)"
        case "%": "percent"
        case "": "value"
        default: record.unit
        }
    }

    func svg() -> String {
        let c = FigureNumber.coordinate
        var svg = "<svg class=\"chart chart-bars\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        svg += "viewBox=\"0 0 \(c(totalWidth)) \(c(height))\" width=\"\(c(totalWidth))\" height=\"\(c(height))\">\n"
        svg += "<title>\(HTML.escape(record.title))</title>\n"
        svg += "<desc>\(HTML.escape(description))</desc>\n"
        if hasIdeals { svg += legend() }
        svg += grid()
        for (index, bar) in record.bars.enumerated() { svg += row(bar, index: index) }
        svg += valueAxis()
        svg += "</svg>\n"
        return svg
    }

    var description: String {
        let parts = record.bars.map { "\($0.label): \(valueText($0))" }
        return "Bar chart. " + parts.joined(separator: "; ") + "."
    }

    private func rowY(_ index: Int) -> Double { top + Double(index) * Self.rowHeight }

    private func legend() -> String {
        let c = FigureNumber.coordinate
        let x0 = plotX
        return "<g class=\"legend\"><line class=\"ideal-marker\" x1=\"\(c(x0))\" y1=\"6\" x2=\"\(c(x0))\" y2=\"22\"/>"
            + "<text class=\"legend-label\" x=\"\(c(x0 + 8))\" y=\"18\">ideal: the physical limit for that bar</text></g>\n"
    }

    private func grid() -> String {
        let c = FigureNumber.coordinate
        let bottom = rowY(max(record.bars.count, 1))
        var svg = "<g class=\"grid\">"
        for tick in axis.ticks {
            svg += "<line class=\"grid-line\" x1=\"\(c(x(tick)))\" y1=\"\(c(top))\" x2=\"\(c(x(tick)))\" y2=\"\(c(bottom))\"/>"
        }
        return svg + "</g>\n"
    }

    private func row(_ bar: Bar, index: Int) -> String {
        let c = FigureNumber.coordinate
        let y = rowY(index)
        let barY = y + Self.barOffset
        let end = x(bar.value)
        let shown = bar.label.count > Self.maxLabelCharacters
            ? String(bar.label.prefix(Self.maxLabelCharacters - 1)) + "…" : bar.label
        var svg = "<g class=\"bar-row\"><title>\(HTML.escape("\(bar.label): \(valueText(bar))"))</title>"
        svg += "<text class=\"bar-label\" x=\"\(c(plotX))\" y=\"\(c(y + Self.labelBaseline))\">\(HTML.escape(shown))"
        svg += "<tspan class=\"bar-value\" dx=\"10\">\(HTML.escape(valueText(bar)))</tspan></text>"
        svg += "<rect class=\"bar\" x=\"\(c(plotX))\" y=\"\(c(barY))\" width=\"\(c(max(end - plotX, 1)))\" height=\"\(c(Self.barHeight))\" rx=\"2\"/>"
        if let ideal = bar.ideal {
            let ix = x(ideal)
            svg += "<line class=\"ideal-marker\" x1=\"\(c(ix))\" y1=\"\(c(barY - 4))\" x2=\"\(c(ix))\" y2=\"\(c(barY + Self.barHeight + 4))\"/>"
        }
        return svg + "</g>\n"
    }

    private func valueAxis() -> String {
        let c = FigureNumber.coordinate
        let y = rowY(max(record.bars.count, 1))
        var svg = "<g class=\"axis\">"
        svg += "<line class=\"axis-line\" x1=\"\(c(plotX))\" y1=\"\(c(y))\" x2=\"\(c(plotX + plotWidth))\" y2=\"\(c(y))\"/>\n"
        for tick in axis.ticks {
            svg += "<line class=\"tick\" x1=\"\(c(x(tick)))\" y1=\"\(c(y))\" x2=\"\(c(x(tick)))\" y2=\"\(c(y + 5))\"/>"
            svg += "<text class=\"tick-label\" x=\"\(c(x(tick)))\" y=\"\(c(y + 18))\" text-anchor=\"middle\">\(axis.label(tick))</text>\n"
        }
        svg += "<text class=\"axis-label\" x=\"\(c(plotX + plotWidth / 2))\" y=\"\(c(y + 36))\" text-anchor=\"middle\">\(HTML.escape(axisTitle))</text>"
        return svg + "</g>\n"
    }

    /// Every bar as a row: label, value, ideal, ratio.
    func numbersTable() -> String {
        let unit = record.unit.isEmpty ? "" : " (\(record.unit))"
        var header = ["bar", "value\(unit)"]
        if hasIdeals { header += ["ideal\(unit)", "% of ideal"] }
        let rows = record.bars.map { bar -> [String] in
            var row = [bar.label, FigureNumber.text(bar.value)]
            if hasIdeals {
                row.append(bar.ideal.map(FigureNumber.text) ?? "–")
                row.append(Self.percentOfIdeal(bar).map { "\($0)%" } ?? "–")
            }
            return row
        }
        return DataTable(header: header, rows: rows).html()
    }
}
