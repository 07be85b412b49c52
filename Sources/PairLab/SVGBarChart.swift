import Foundation

/// A small SVG bar chart of benchmark samples: one bar per run, the series side by side (each in its own colour,
/// named in the legend and under its group of bars), a y axis in the samples' unit with round ticks and grid lines,
/// and each bar's value in its tooltip. `docs/benchmarks/RESULTS.md` shows the failover downtimes with it.
///
/// The output is self-contained SVG 1.1 (no script, no external style); elements carry classes (`axis`, `bar`,
/// `tick`, `label`, `legend`, `title`) so that tests and readers can find them.
public struct SVGBarChart: Sendable, Equatable {
    /// One group of bars.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// A CSS colour, e.g. `#1f77b4`.
        public var color: String
        /// One value per run, in run order.
        public var values: [Double]

        public init(name: String, color: String, values: [Double]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    public var title: String
    /// The y axis' caption, e.g. `client-observed downtime (ms)`.
    public var axisLabel: String
    public var series: [Series]
    public var width = 960
    public var height = 420

    public init(title: String, axisLabel: String, series: [Series]) {
        self.title = title
        self.axisLabel = axisLabel
        self.series = series
    }

    // The plot area inside the margins.
    private var left: Double { 70 }
    private var right: Double { Double(width) - 20 }
    private var top: Double { 60 }
    private var bottom: Double { Double(height) - 60 }

    /// The chart as an SVG document.
    public func render() -> String {
        let ticks = Self.ticks(upTo: series.flatMap(\.values).max() ?? 0)
        let scaleTop = ticks.last ?? 1
        var elements: [String] = [
            #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="white"/>"#,
            #"<text class="title" x="\#(Double(width) / 2)" y="24" text-anchor="middle" font-size="16">"#
                + "\(Self.escaped(title))</text>",
        ]
        elements += yAxis(ticks: ticks, scaleTop: scaleTop)
        elements += bars(scaleTop: scaleTop)
        elements += legend()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="sans-serif">
            \(elements.map { "  " + $0 }.joined(separator: "\n"))
            </svg>

            """
    }

    /// The axes, the ticks with their grid lines, and the axis caption.
    private func yAxis(ticks: [Double], scaleTop: Double) -> [String] {
        var elements: [String] = []
        for tick in ticks {
            let y = Self.rounded(bottom - (bottom - top) * tick / scaleTop)
            elements.append(
                #"<line class="grid" x1="\#(left)" y1="\#(y)" x2="\#(right)" y2="\#(y)" stroke="gainsboro"/>"#)
            elements.append(
                #"<text class="tick" x="\#(left - 6)" y="\#(y + 4)" text-anchor="end" font-size="11">"#
                    + "\(Self.number(tick))</text>")
        }
        // The axes over the grid lines.
        elements += [
            #"<line class="axis" x1="\#(left)" y1="\#(top)" x2="\#(left)" y2="\#(bottom)" stroke="black"/>"#,
            #"<line class="axis" x1="\#(left)" y1="\#(bottom)" x2="\#(right)" y2="\#(bottom)" stroke="black"/>"#,
        ]
        let middle = (top + bottom) / 2
        elements.append(
            #"<text class="label" x="16" y="\#(middle)" text-anchor="middle" font-size="12" "#
                + #"transform="rotate(-90 16 \#(middle))">\#(Self.escaped(axisLabel))</text>"#)
        return elements
    }

    /// One bar per value, groups separated by a gap of two bars, each group named under its bars.
    private func bars(scaleTop: Double) -> [String] {
        let count = series.reduce(0) { $0 + $1.values.count }
        let slots = Double(count + 2 * max(0, series.count - 1))
        let slot = slots > 0 ? (right - left - 10) / slots : 0
        var elements: [String] = []
        var position = left + 10
        for group in series {
            let groupStart = position
            for (index, value) in group.values.enumerated() {
                let barHeight = Self.rounded((bottom - top) * max(0, value) / scaleTop)
                let x = Self.rounded(position + slot * 0.1)
                elements.append(
                    #"<rect class="bar" data-series="\#(Self.escaped(group.name))" x="\#(x)" "#
                        + #"y="\#(Self.rounded(bottom - barHeight))" width="\#(Self.rounded(slot * 0.8))" "#
                        + #"height="\#(barHeight)" fill="\#(Self.escaped(group.color))">"#
                        + "<title>\(Self.escaped(group.name)) run \(index + 1): \(Self.number(value))</title></rect>")
                position += slot
            }
            if !group.values.isEmpty {
                let middle = Self.rounded((groupStart + position) / 2)
                elements.append(
                    #"<text class="label" x="\#(middle)" y="\#(bottom + 18)" text-anchor="middle" font-size="12">"#
                        + "\(Self.escaped(group.name)) (\(group.values.count) runs)</text>")
            }
            position += 2 * slot
        }
        return elements
    }

    /// A colour swatch and the name of each series, in a row above the plot.
    private func legend() -> [String] {
        series.enumerated().flatMap { index, group -> [String] in
            let x = left + Double(index) * 260
            return [
                #"<rect class="swatch" x="\#(x)" y="36" width="12" height="12" fill="\#(Self.escaped(group.color))"/>"#,
                #"<text class="legend" x="\#(x + 18)" y="46" font-size="12">\#(Self.escaped(group.name))</text>"#,
            ]
        }
    }

    /// Round tick values from 0 to the first one at or above `maximum`: steps of 1, 2 or 5 times a power of ten,
    /// about five of them.
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0 else { return [0, 1] }
        let rough = maximum / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        var ticks = [0.0]
        while ticks[ticks.count - 1] < maximum {
            ticks.append(Double(ticks.count) * step)
        }
        return ticks
    }

    /// `value` without a fractional part when it has none.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// Text made safe for XML character data and attribute values.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
