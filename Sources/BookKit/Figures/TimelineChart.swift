import Notebook

/// Draws a `TimelineRecord` as an SVG Gantt chart.
///
/// Layout, in SVG user units (the picture scales to the page's width):
/// a column of lane labels on the left, then the plot: one row per lane in
/// `TimelineRecord.lanes` order, one `rect.span-bar` per span whose x and width are
/// proportional to its start and duration, and a time axis with round ticks below.
/// Spans with the same label share a colour (`span-color-0` ... `span-color-5`, set by the
/// theme's CSS for light and dark), so "sleep" and "compute" read apart at a glance.
struct TimelineChart {
    let record: TimelineRecord
    let lanes: [String]
    let unit: TimeUnit
    let axis: AxisScale

    // Geometry.
    static let width = 720.0
    static let rowHeight = 26.0
    static let barHeight = 18.0
    static let top = 8.0
    static let axisHeight = 44.0
    static let rightMargin = 18.0
    /// Average advance of one character at the chart's 11-12 unit font, for fitting text.
    static let characterWidth = 6.6

    init(_ record: TimelineRecord) {
        self.record = record
        lanes = record.lanes
        unit = TimeUnit(forRangeUpTo: record.end)
        axis = AxisScale(upTo: record.end * unit.perSecond)
    }

    var labelWidth: Double {
        let longest = lanes.map { min($0.count, Self.maxLaneLabelCharacters) }.max() ?? 4
        return min(max(Double(longest) * Self.characterWidth + 16, 64), 190)
    }

    static let maxLaneLabelCharacters = 26
    var plotX: Double { labelWidth }
    var plotWidth: Double { Self.width - labelWidth - Self.rightMargin }
    var height: Double { Self.top + Double(max(lanes.count, 1)) * Self.rowHeight + Self.axisHeight }

    /// The x of a moment `seconds` after the timeline's origin.
    func x(_ seconds: Double) -> Double {
        plotX + axis.position(of: seconds * unit.perSecond, length: plotWidth)
    }

    func svg() -> String {
        let c = FigureNumber.coordinate
        var svg = "<svg class=\"chart chart-timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        svg += "viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" height=\"\(c(height))\">\n"
        svg += "<title>\(HTML.escape(record.title))</title>\n"
        svg += "<desc>\(HTML.escape(description))</desc>\n"
        svg += laneRows()
        svg += grid()
        if record.spans.isEmpty {
            svg += "<text class=\"chart-note\" x=\"\(c(plotX + plotWidth / 2))\" y=\"\(c(Self.top + Self.rowHeight / 2 + 4))\" text-anchor=\"middle\">no spans recorded</text>\n"
        }
        svg += spans()
        svg += timeAxis()
        svg += "</svg>\n"
        return svg
    }

    /// What the picture shows, in one sentence, for readers who cannot see it.
    var description: String {
        let total = FigureNumber.text(record.end * unit.perSecond, unit: unit.symbol)
        return "Timeline of \(record.spans.count) span\(record.spans.count == 1 ? "" : "s") on "
            + "\(lanes.count) lane\(lanes.count == 1 ? "" : "s") (\(lanes.joined(separator: ", "))), "
            + "ending at \(total). The table under the chart lists every span."
    }

    private func rowY(_ lane: Int) -> Double { Self.top + Double(lane) * Self.rowHeight }

    private func laneRows() -> String {
        let c = FigureNumber.coordinate
        var svg = "<g class=\"lanes\">\n"
        for (index, lane) in lanes.enumerated() {
            let y = rowY(index)
            let band = index.isMultiple(of: 2) ? "lane-band" : "lane-band lane-band-alt"
            svg += "<rect class=\"\(band)\" x=\"\(c(plotX))\" y=\"\(c(y))\" width=\"\(c(plotWidth))\" height=\"\(c(Self.rowHeight))\"/>"
            let shown = lane.count > Self.maxLaneLabelCharacters
                ? String(lane.prefix(Self.maxLaneLabelCharacters - 1)) + "…" : lane
            svg += "<text class=\"lane-label\" x=\"\(c(plotX - 8))\" y=\"\(c(y + Self.rowHeight / 2 + 4))\" text-anchor=\"end\">"
            svg += "<title>\(HTML.escape(lane))</title>\(HTML.escape(shown))</text>\n"
        }
        svg += "</g>\n"
        return svg
    }

    private func grid() -> String {
        let c = FigureNumber.coordinate
        let bottom = rowY(max(lanes.count, 1))
        var svg = "<g class=\"grid\">"
        for tick in axis.ticks {
            let x = plotX + axis.position(of: tick, length: plotWidth)
            svg += "<line class=\"grid-line\" x1=\"\(c(x))\" y1=\"\(c(Self.top))\" x2=\"\(c(x))\" y2=\"\(c(bottom))\"/>"
        }
        svg += "</g>\n"
        return svg
    }

    private func spans() -> String {
        let c = FigureNumber.coordinate
        let laneIndex = Dictionary(uniqueKeysWithValues: lanes.enumerated().map { ($1, $0) })
        var colourOfLabel: [String: Int] = [:]
        var svg = "<g class=\"spans\">\n"
        for span in record.spans {
            let colour = colourOfLabel[span.label] ?? colourOfLabel.count % 6
            colourOfLabel[span.label] = colour
            let y = rowY(laneIndex[span.lane] ?? 0) + (Self.rowHeight - Self.barHeight) / 2
            let x0 = x(span.start)
            // A span too short to see still gets a sliver, so it is not silently missing.
            let width = max(x(span.end) - x0, 1.5)
            svg += "<g class=\"span span-color-\(colour)\"><title>\(HTML.escape(tooltip(span)))</title>"
            svg += "<rect class=\"span-bar\" x=\"\(c(x0))\" y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(Self.barHeight))\" rx=\"3\"/>"
            if Double(span.label.count) * Self.characterWidth + 8 <= width {
                svg += "<text class=\"span-label\" x=\"\(c(x0 + 4))\" y=\"\(c(y + Self.barHeight / 2 + 4))\">\(HTML.escape(span.label))</text>"
            }
            svg += "</g>\n"
        }
        svg += "</g>\n"
        return svg
    }

    private func tooltip(_ span: SpanRecord) -> String {
        let f = { (seconds: Double) in FigureNumber.text(seconds * unit.perSecond) }
        return "\(span.lane): \(span.label), \(f(span.start))–\(f(span.end)) \(unit.symbol) "
            + "(\(FigureNumber.text((span.end - span.start) * unit.perSecond, unit: unit.symbol)))"
    }

    private func timeAxis() -> String {
        let c = FigureNumber.coordinate
        let y = rowY(max(lanes.count, 1))
        var svg = "<g class=\"axis\">"
        svg += "<line class=\"axis-line\" x1=\"\(c(plotX))\" y1=\"\(c(y))\" x2=\"\(c(plotX + plotWidth))\" y2=\"\(c(y))\"/>\n"
        for tick in axis.ticks {
            let x = plotX + axis.position(of: tick, length: plotWidth)
            svg += "<line class=\"tick\" x1=\"\(c(x))\" y1=\"\(c(y))\" x2=\"\(c(x))\" y2=\"\(c(y + 5))\"/>"
            svg += "<text class=\"tick-label\" x=\"\(c(x))\" y=\"\(c(y + 18))\" text-anchor=\"middle\">\(axis.label(tick))</text>\n"
        }
        svg += "<text class=\"axis-label\" x=\"\(c(plotX + plotWidth / 2))\" y=\"\(c(y + 36))\" text-anchor=\"middle\">time since start (\(unit.symbol))</text>"
        svg += "</g>\n"
        return svg
    }

    /// Every span as a row: lane, label, start, end, duration.
    func numbersTable() -> String {
        let u = unit.symbol
        let f = { (seconds: Double) in FigureNumber.text(seconds * unit.perSecond) }
        let rows = record.spans.map { [$0.lane, $0.label, f($0.start), f($0.end), f($0.end - $0.start)] }
        return DataTable(header: ["lane", "span", "start (\(u))", "end (\(u))", "duration (\(u))"], rows: rows).html()
    }
}
