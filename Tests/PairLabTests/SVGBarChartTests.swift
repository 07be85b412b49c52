import Foundation
import Testing

@testable import PairLab

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct SVGBarChartTests {
    /// The elements of an SVG document: name and attributes, in document order; fails the test if it is not XML.
    final class Elements: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String] = []
        private var text = ""

        static func parse(_ svg: String) throws -> Elements {
            let collector = Elements()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = collector
            try #require(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
            return collector
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(text) }
            text = ""
        }

        func withClass(_ name: String) -> [[String: String]] {
            elements.filter { $0.attributes["class"] == name }.map(\.attributes)
        }
    }

    static let chart = SVGBarChart(
        title: "Downtime <per run>", axisLabel: "downtime (ms)",
        series: [
            .init(name: "unplanned, deadtime 1000 ms", color: "#1f77b4", values: [1_200, 1_350, 1_100]),
            .init(name: "planned", color: "#2ca02c", values: [400, 450]),
        ])

    @Test func anSVGDocumentWithTwoAxes() throws {
        let elements = try Elements.parse(Self.chart.render())
        #expect(elements.elements.first?.name == "svg")
        #expect(elements.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(elements.withClass("axis").count == 2)
    }

    @Test func oneBarPerRunInItsSeriesColourTallerForLongerRuns() throws {
        let bars = try Elements.parse(Self.chart.render()).withClass("bar")
        #expect(bars.count == 5)
        #expect(
            bars.map { $0["data-series"] ?? "" } == Array(repeating: "unplanned, deadtime 1000 ms", count: 3) + [
                "planned", "planned",
            ])
        #expect(
            bars.prefix(3).allSatisfy { $0["fill"] == "#1f77b4" }
                && bars.suffix(2).allSatisfy { $0["fill"] == "#2ca02c" })
        let heights = bars.compactMap { $0["height"].flatMap(Double.init) }
        #expect(heights.count == 5 && heights[1] > heights[0] && heights[0] > heights[2] && heights[2] > heights[4])
        let xs = bars.compactMap { $0["x"].flatMap(Double.init) }
        #expect(xs == xs.sorted(), "bars left to right in run order")
    }

    @Test func labelsNameTheAxisTheSeriesAndTheTicks() throws {
        let elements = try Elements.parse(Self.chart.render())
        #expect(elements.texts.contains("Downtime <per run>"), "the title, escaped in the document")
        #expect(elements.texts.contains("downtime (ms)"))
        #expect(elements.texts.contains("unplanned, deadtime 1000 ms (3 runs)"))
        #expect(elements.texts.contains("planned (2 runs)"))
        #expect(elements.withClass("legend").count == 2)
        let ticks = elements.elements.indices.filter { elements.elements[$0].attributes["class"] == "tick" }
        #expect(ticks.count >= 3)
    }

    @Test(arguments: [
        (1_350.0, [0.0, 500, 1_000, 1_500]), (9.0, [0, 2, 4, 6, 8, 10]), (100.0, [0, 20, 40, 60, 80, 100]),
        (0.0, [0, 1]),
    ])
    func ticksAreRoundAndReachTheMaximum(maximum: Double, expected: [Double]) {
        #expect(SVGBarChart.ticks(upTo: maximum) == expected)
    }

    @Test func anEmptyChartIsStillADocument() throws {
        let elements = try Elements.parse(SVGBarChart(title: "none", axisLabel: "ms", series: []).render())
        #expect(elements.withClass("bar").isEmpty && elements.withClass("axis").count == 2)
    }
}
