import Testing
@testable import BookKit
import Notebook

@Suite("Bar chart and table figures")
struct FigureBarChartTests {
    let record = BarChartRecord(name: "sleepers", title: "Sequential against concurrent", unit: "s", bars: [
        Bar("sequential", 0.50, ideal: 0.50),
        Bar("five threads", 0.12, ideal: 0.10),
        Bar("no ideal", 0.30),
    ])

    @Test("One labelled bar per value, lengths proportional to the values")
    func bars() throws {
        let svg = try parsedSVG(Figures.bars(record))
        let rects = svg.all("rect", class: "bar")
        #expect(rects.count == 3)
        #expect(svg.all("text", class: "bar-label").map(\.text) == ["sequential", "five threads", "no ideal"])
        let perUnit = rects[0].number("width") / 0.50
        for (rect, bar) in zip(rects, record.bars) {
            #expect(abs(rect.number("width") - perUnit * bar.value) < 0.03)
            #expect(rect.number("x") == rects[0].number("x"))
        }
    }

    @Test("Values are printed, with the ideal and the ratio when there is an ideal")
    func values() throws {
        let svg = try parsedSVG(Figures.bars(record))
        let values = svg.all("tspan", class: "bar-value").map(\.visibleText)
        #expect(values == ["0.500 s · ideal 0.500 s · 100% of ideal", "0.120 s · ideal 0.100 s · 120% of ideal", "0.300 s"])
        // Ratios and percentages sit against their number.
        let speedup = try parsedSVG(Figures.bars(BarChartRecord(name: "s", title: "S", unit: "×", bars: [Bar("2 threads", 1.26, ideal: 2)])))
        #expect(speedup.all("tspan", class: "bar-value").map(\.visibleText) == ["1.26× · ideal 2.00× · 63% of ideal"])
        #expect(speedup.all("text", class: "axis-label").first?.visibleText == "times (×)")
    }

    @Test("An ideal marker sits at the ideal's position on each bar that has one, and a legend explains it")
    func idealMarkers() throws {
        let svg = try parsedSVG(Figures.bars(record))
        let rects = svg.all("rect", class: "bar")
        let rows = svg.all("g", class: "bar-row")
        let perUnit = rects[0].number("width") / 0.50
        let x0 = rects[0].number("x")
        #expect(rows[0].all("line", class: "ideal-marker").count == 1)
        #expect(rows[1].all("line", class: "ideal-marker").count == 1)
        #expect(rows[2].all("line", class: "ideal-marker").isEmpty)
        let marker = rows[1].all("line", class: "ideal-marker")[0]
        #expect(abs(marker.number("x1") - (x0 + perUnit * 0.10)) < 0.03)
        #expect(svg.all("g", class: "legend").first?.visibleText.contains("ideal") == true)
    }

    @Test("Without any ideal there is no legend")
    func noLegend() throws {
        let svg = try parsedSVG(Figures.bars(BarChartRecord(name: "b", title: "B", unit: "ms", bars: [Bar("a", 3)])))
        #expect(svg.all("g", class: "legend").isEmpty)
        #expect(svg.all("text", class: "axis-label").first?.visibleText == "milliseconds")
    }

    @Test("The axis starts at zero, covers the largest value or ideal, and names the unit")
    func axis() throws {
        let svg = try parsedSVG(Figures.bars(record))
        let ticks = svg.all("text", class: "tick-label").map(\.visibleText)
        #expect(ticks == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        #expect(svg.all("text", class: "axis-label").first?.visibleText == "seconds")
        let custom = try parsedSVG(Figures.bars(BarChartRecord(name: "b", title: "B", unit: "requests/s", bars: [Bar("a", 3)])))
        #expect(custom.all("text", class: "axis-label").first?.visibleText == "requests/s")
    }

    @Test("A table figure scrolls sideways, escapes its cells and right-aligns numbers")
    func table() throws {
        let html = Figures.table(TableRecord(name: "Results table", title: "Results", header: ["run", "time"],
                                             rows: [["<first>", "0.21 s"], ["second", "1,024"]]))
        #expect(html.contains("<div class=\"table-wrap\">"))
        #expect(html.contains("id=\"figure-results-table\""))
        #expect(html.contains("<figcaption>Results</figcaption>"))
        #expect(html.contains("<td>&lt;first&gt;</td><td class=\"num\">0.21 s</td>"))
        #expect(html.contains("<td class=\"num\">1,024</td>"))
        #expect(!html.contains("<first>"))
        let figure = try #require(XMLTreeBuilder.parse(html))
        #expect(figure.all("th").map(\.visibleText) == ["run", "time"])
        #expect(figure.all("tr").count == 3)
    }
}
