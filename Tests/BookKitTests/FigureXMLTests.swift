import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BookKit
import Notebook

/// A parsed XML element, enough to inspect an SVG chart in tests.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all elements under it, depth first.
    var descendants: [XMLNode] { [self] + children.flatMap(\.descendants) }

    func all(_ name: String, class className: String? = nil) -> [XMLNode] {
        descendants.filter { node in
            node.name == name && (className.map { node.classes.contains($0) } ?? true)
        }
    }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    func number(_ attribute: String) -> Double { Double(attributes[attribute] ?? "") ?? .nan }
    /// The text of this element and its descendants, except `<title>` tooltips.
    var visibleText: String { name == "title" ? "" : text + children.map(\.visibleText).joined() }
}

/// Parses a string as XML; `nil` when it is not well-formed.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private var root: XMLNode?

    static func parse(_ text: String) -> XMLNode? {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: elementName, attributes: attributeDict)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// The `<svg>...</svg>` inside a figure's HTML, parsed.
func parsedSVG(_ figureHTML: String) throws -> XMLNode {
    let start = try #require(figureHTML.range(of: "<svg"))
    let end = try #require(figureHTML.range(of: "</svg>"))
    return try #require(XMLTreeBuilder.parse(String(figureHTML[start.lowerBound..<end.upperBound])))
}

@Suite("Figures are well-formed")
struct FigureXMLTests {
    @Test("Every chart and the figure around it parse as XML, even with markup in the labels")
    func wellFormed() throws {
        let nasty = "<b>&\"'"
        let timeline = Figures.timeline(TimelineRecord(name: "t", title: nasty, spans: [
            SpanRecord(lane: nasty, label: nasty, start: 0, end: 0.4)]))
        let bars = Figures.bars(BarChartRecord(name: "b", title: nasty, unit: nasty, bars: [Bar(nasty, 1, ideal: 0.5)]))
        let table = Figures.table(TableRecord(name: "x", title: nasty, header: [nasty], rows: [[nasty]]))
        for html in [timeline, bars, table] {
            // The whole <figure> is XHTML-compatible: parse it, and find no raw markup from the data.
            let figure = try #require(XMLTreeBuilder.parse(html), "not well-formed: \(html)")
            #expect(figure.name == "figure")
            #expect(!html.contains("<b>"))
            #expect(figure.all("figcaption").first?.visibleText == nasty)
        }
        #expect(try parsedSVG(timeline).name == "svg")
        #expect(try parsedSVG(bars).name == "svg")
    }

    @Test("Charts carry a title, a description and a table of their numbers")
    func textAlternatives() throws {
        let html = Figures.bars(BarChartRecord(name: "speed", title: "Speed-up", unit: "s", bars: [Bar("one", 2), Bar("two", 1)]))
        let svg = try parsedSVG(html)
        #expect(svg.attributes["role"] == "img")
        #expect(svg.children.first?.name == "title")
        #expect(svg.children.first?.text == "Speed-up")
        #expect(svg.all("desc").first?.text.contains("one: 2.00 s") == true)
        #expect(html.contains("<details class=\"figure-data\">"))
        #expect(html.contains("id=\"figure-speed\""))
    }

    @Test("A chart as a file of its own is well-formed SVG that carries its own colours")
    func standaloneFile() throws {
        let record = FigureRecord.timeline(TimelineRecord(name: "t", title: "T <1>", spans: [SpanRecord(lane: "a", label: "x", start: 0, end: 1)]))
        let file = try #require(Figures.svgFile(record))
        #expect(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let svg = try #require(XMLTreeBuilder.parse(file))
        #expect(svg.name == "svg")
        #expect(svg.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.children.map(\.name).prefix(4) == ["title", "desc", "style", "rect"])
        let style = try #require(svg.all("style").first)
        #expect(style.text.contains(".span-color-0 .span-bar{fill:var(--s0)}"))
        #expect(style.text.contains("prefers-color-scheme:dark"))
        #expect(svg.all("rect", class: "span-bar").count == 1)
        #expect(Figures.svgFile(.bars(BarChartRecord(name: "b", title: "B", unit: "s", bars: [Bar("a", 1)]))) != nil)
        #expect(Figures.svgFile(.table(TableRecord(name: "x", title: "X", header: [], rows: []))) == nil)
    }

    @Test("No chart paints with a fixed colour: fills and strokes come from CSS classes")
    func noHardCodedColours() throws {
        let html = Figures.timeline(TimelineRecord(name: "t", title: "T", spans: [SpanRecord(lane: "a", label: "x", start: 0, end: 1)]))
            + Figures.bars(BarChartRecord(name: "b", title: "B", unit: "s", bars: [Bar("a", 1, ideal: 1)]))
        #expect(!html.contains("fill=\""))
        #expect(!html.contains("stroke=\""))
        #expect(!html.contains("#000"))
    }
}
