import Testing
@testable import BookKit
import Notebook

@Suite("Timeline figure")
struct FigureTimelineTests {
    /// Three lanes; worker-2 starts first, so it is the top lane.
    let record = TimelineRecord(name: "workers", title: "Three workers", spans: [
        SpanRecord(lane: "worker-1", label: "sleep", start: 0.010, end: 0.060),
        SpanRecord(lane: "worker-2", label: "sleep", start: 0.000, end: 0.050),
        SpanRecord(lane: "worker-1", label: "compute", start: 0.070, end: 0.200),
        SpanRecord(lane: "main", label: "join", start: 0.020, end: 0.210),
    ])

    @Test("One lane label per lane, in the record's lane order, one band per lane")
    func lanes() throws {
        let svg = try parsedSVG(Figures.timeline(record))
        let labels = svg.all("text", class: "lane-label").map(\.visibleText)
        #expect(labels == record.lanes)
        #expect(labels == ["worker-2", "worker-1", "main"])
        #expect(svg.all("rect", class: "lane-band").count == 3)
    }

    @Test("One bar per span, on its lane's row, with x and width proportional to the times")
    func spansProportional() throws {
        let svg = try parsedSVG(Figures.timeline(record))
        let bars = svg.all("rect", class: "span-bar")
        #expect(bars.count == record.spans.count)
        let bands = svg.all("rect", class: "lane-band")
        // Solve x = origin + scale * start from the first two spans, then check every span.
        let scale = (bars[1].number("x") - bars[0].number("x")) / (record.spans[1].start - record.spans[0].start)
        let origin = bars[0].number("x") - scale * record.spans[0].start
        #expect(scale > 0)
        for (bar, span) in zip(bars, record.spans) {
            #expect(abs(bar.number("x") - (origin + scale * span.start)) < 0.02)
            #expect(abs(bar.number("width") - scale * (span.end - span.start)) < 0.05)
            let band = bands[record.lanes.firstIndex(of: span.lane)!]
            #expect(bar.number("y") >= band.number("y"))
            #expect(bar.number("y") + bar.number("height") <= band.number("y") + band.number("height"))
        }
        // Origin at the plot's left edge: the lane bands start there.
        #expect(abs(origin - bands[0].number("x")) < 0.02)
    }

    @Test("Each span has a tooltip with its full text; labels are drawn only where they fit")
    func spanLabels() throws {
        let long = TimelineRecord(name: "t", title: "T", spans: [
            SpanRecord(lane: "a", label: "a label far too long to fit in a tiny bar", start: 0, end: 0.001),
            SpanRecord(lane: "a", label: "fits", start: 0.1, end: 0.9),
        ])
        let svg = try parsedSVG(Figures.timeline(long))
        let groups = svg.all("g", class: "span")
        #expect(groups.count == 2)
        #expect(groups[0].children.first { $0.name == "title" }?.text.contains("a label far too long to fit in a tiny bar") == true)
        #expect(groups[0].all("text", class: "span-label").isEmpty)
        #expect(groups[1].all("text", class: "span-label").first?.visibleText == "fits")
    }

    @Test("Spans with the same label share a colour class; different labels differ")
    func colours() throws {
        let svg = try parsedSVG(Figures.timeline(record))
        let colour = svg.all("g", class: "span").map { $0.classes.first { $0.hasPrefix("span-color-") } ?? "" }
        #expect(colour[0] == colour[1])     // sleep, sleep
        #expect(colour[0] != colour[2])     // sleep, compute
        #expect(colour[2] != colour[3])     // compute, join
    }

    @Test("A run under a second gets a millisecond axis with round ticks from zero")
    func millisecondAxis() throws {
        let svg = try parsedSVG(Figures.timeline(record))
        let ticks = svg.all("text", class: "tick-label").map(\.visibleText)
        #expect(ticks.first == "0")
        #expect(ticks == ["0", "50", "100", "150", "200", "250"])
        #expect(svg.all("line", class: "tick").count == ticks.count)
        #expect(svg.all("text", class: "axis-label").first?.visibleText.contains("(ms)") == true)
        // Tick positions are evenly spaced.
        let xs = svg.all("line", class: "tick").map { $0.number("x1") }
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 0.02 })
    }

    @Test("A run of seconds gets a seconds axis")
    func secondsAxis() throws {
        let slow = TimelineRecord(name: "t", title: "T", spans: [SpanRecord(lane: "a", label: "x", start: 0, end: 2.6)])
        let svg = try parsedSVG(Figures.timeline(slow))
        #expect(svg.all("text", class: "axis-label").first?.visibleText.contains("(s)") == true)
        #expect(svg.all("text", class: "tick-label").map(\.visibleText) == ["0", "1", "2", "3"])
    }

    @Test("An empty timeline still draws an axis and says it is empty")
    func empty() throws {
        let svg = try parsedSVG(Figures.timeline(TimelineRecord(name: "t", title: "Nothing", spans: [])))
        #expect(svg.all("rect", class: "span-bar").isEmpty)
        #expect(svg.all("text", class: "chart-note").first?.visibleText == "no spans recorded")
        #expect(!svg.all("text", class: "tick-label").isEmpty)
    }

    @Test("The numbers table lists every span in the axis unit")
    func numbers() {
        let html = Figures.timeline(record)
        #expect(html.contains("<th scope=\"col\" class=\"num\">start (ms)</th>"))
        #expect(html.contains("<th scope=\"col\">lane</th>"))
        #expect(html.contains("<td>worker-1</td><td>compute</td><td class=\"num\">70.0</td><td class=\"num\">200</td><td class=\"num\">130</td>"))
    }

    @Test("Axis scale picks 1-2-5 steps and covers the maximum")
    func axisScale() {
        #expect(AxisScale(upTo: 0.3).step == 0.1)
        #expect(AxisScale(upTo: 0.3).maximum == 0.30000000000000004 || AxisScale(upTo: 0.3).maximum == 0.3)
        #expect(AxisScale(upTo: 7).step == 2)
        #expect(AxisScale(upTo: 7).maximum == 8)
        #expect(AxisScale(upTo: 1000).step == 200)
        #expect(AxisScale(upTo: 0).maximum == 1)
        #expect(TimeUnit(forRangeUpTo: 0.999) == .milliseconds)
        #expect(TimeUnit(forRangeUpTo: 1.0) == .seconds)
    }
}
