import Notebook

/// The figures a chapter run records, drawn as HTML: inline SVG charts that follow the
/// page's colour scheme (they use CSS classes and `currentColor`, never a fixed black),
/// and tables that scroll sideways on a phone.
///
/// Every figure is a `<figure id="figure-NAME">` with a `<figcaption>` and a text
/// alternative: the SVG carries `<title>` and `<desc>`, and a collapsed
/// "The numbers" table under it lists every value the picture was drawn from.
public enum Figures {
    /// A Gantt chart: one lane per thread, task or process, one bar per span, a time axis
    /// in ms (runs under a second) or s.
    public static func timeline(_ t: TimelineRecord) -> String {
        let chart = TimelineChart(t)
        return figure(name: t.name, kind: "timeline", caption: t.title,
                      body: scrolling(chart.svg()), numbers: chart.numbersTable())
    }

    /// Horizontal bars with their values printed, each bar's ideal marked when present.
    public static func bars(_ c: BarChartRecord) -> String {
        let chart = BarChart(c)
        return figure(name: c.name, kind: "bars", caption: c.title,
                      body: scrolling(chart.svg()), numbers: chart.numbersTable())
    }

    /// A table; numeric cells are right-aligned so digits line up.
    public static func table(_ t: TableRecord) -> String {
        let table = DataTable(header: t.header, rows: t.rows).html()
        return figure(name: t.name, kind: "table", caption: t.title,
                      body: "<div class=\"table-wrap\">\n\(table)</div>\n", numbers: nil)
    }

    /// Any recorded figure.
    public static func figure(_ record: FigureRecord) -> String {
        switch record {
        case .timeline(let t): timeline(t)
        case .bars(let b): bars(b)
        case .table(let t): table(t)
        }
    }

    /// A chart as an SVG file of its own, for the Markdown book (shown there as an image,
    /// where the page's stylesheet does not reach): the same drawing, with its colours in an
    /// embedded `<style>` that follows the viewer's light or dark preference, on its own background.
    /// A table is not a picture: `nil`.
    public static func svgFile(_ record: FigureRecord) -> String? {
        let svg: String
        switch record {
        case .timeline(let t): svg = TimelineChart(t).svg()
        case .bars(let b): svg = BarChart(b).svg()
        case .table: return nil
        }
        // After <title> and <desc>, which stay the first children (the image's accessible name).
        guard let desc = svg.range(of: "</desc>\n") else { return nil }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg[..<desc.upperBound]
            + "<style>\n\(StandaloneChartStyle.css)\n</style>\n"
            // Its own background, so its colours contrast whatever page shows the image.
            + "<rect class=\"chart-bg\" width=\"100%\" height=\"100%\" rx=\"6\"/>\n" + svg[desc.upperBound...]
    }

    /// The `id` of the figure named `name`, for links such as `#figure-five-workers`.
    public static func anchor(_ name: String) -> String { "figure-" + Slug.make(name) }

    /// Charts keep a readable text size on a phone by scrolling sideways instead of shrinking.
    private static func scrolling(_ svg: String) -> String {
        "<div class=\"chart-scroll\">\n\(svg)</div>\n"
    }

    private static func figure(name: String, kind: String, caption: String, body: String, numbers: String?) -> String {
        var html = "<figure class=\"figure figure-\(kind)\" id=\"\(anchor(name))\">\n"
        html += "<figcaption>\(HTML.escape(caption))</figcaption>\n"
        html += body
        if let numbers {
            html += "<details class=\"figure-data\">\n<summary>The numbers</summary>\n"
            html += "<div class=\"table-wrap\">\n\(numbers)</div>\n</details>\n"
        }
        html += "</figure>\n"
        return html
    }
}
