import Foundation

/// `docs/benchmarks/RESULTS.md`, as `pgpair-lab bench all` writes it: the machine, the date, the settings, each
/// benchmark's figures (median, p95 and maximum where the benchmark gives them, the other figures as they are), the
/// sync ratios, a chart of the failover downtimes (an SVG file next to it) and every output line verbatim.
public struct BenchmarkResultsReport: Sendable {
    /// The benchmarks in the order the report shows them: name in the output lines, title, document.
    public static let sections: [(benchmark: String, title: String, document: String)] = [
        ("heartbeat", "Heartbeat: failure detection and an idle agent's cost", "heartbeat.md"),
        ("failover", "Failover: client-observed downtime", "failover.md"),
        ("sync", "Sync: pgpair's rounds against plain rsync and pg_dumpall", "sync.md"),
        ("stability", "Stability under load", "stability.md"),
    ]

    public var machine: MachineDescription
    public var date: Date
    /// The commit measured, when known.
    public var revision: String?
    /// How the benchmarks were run, one bullet each.
    public var settings: [String]
    /// Every output line of every benchmark, in the order printed.
    public var lines: [String]
    /// The failover chart's file name, relative to the report (nil: no chart).
    public var chartFile: String?

    public init(
        machine: MachineDescription, date: Date, revision: String?, settings: [String], lines: [String],
        chartFile: String?
    ) {
        self.machine = machine
        self.date = date
        self.revision = revision
        self.settings = settings
        self.lines = lines
        self.chartFile = chartFile
    }

    /// The report as Markdown.
    public func markdown() -> String {
        var text = [
            "# Benchmark results", "",
            "Written by `pgpair-lab bench all` (`make bench`) on \(Self.dateText(date))"
                + (revision.map { ", at commit `\($0)`" } ?? "") + ". Run `make bench` again to refresh it; "
                + "the method of each benchmark is in the document linked from its section.", "",
            "## Machine", "",
            "- CPU: \(machine.cpuModel)", "- Cores: \(machine.cores)",
            "- Memory: \(machine.memoryText)",
            "- Kernel: Linux \(machine.kernel)", "",
            "## Settings", "",
        ]
        text += settings.map { "- \($0)" } + [""]
        let parsed = lines.compactMap(BenchmarkLine.init)
        for section in Self.sections {
            let mine = parsed.filter { $0.benchmark == section.benchmark }
            guard !mine.isEmpty else { continue }
            text += ["## \(section.title)", "", "Method: [\(section.document)](\(section.document)).", ""]
            text += Self.tables(mine)
            if section.benchmark == "failover", let chartFile {
                text += ["![Client-observed downtime per failover run](\(chartFile))", ""]
            }
        }
        text += ["## Output lines", "", "```"] + lines + ["```", ""]
        return text.joined(separator: "\n")
    }

    /// A summary table for each line with medians (its other fields above it), then one table for each run of
    /// lines without medians that share their keys.
    static func tables(_ lines: [BenchmarkLine]) -> [String] {
        var text: [String] = []
        for line in lines where !line.summaries.isEmpty {
            text.append(line.otherFields.map { "`\($0.key)=\($0.value)`" }.joined(separator: " "))
            text += ["", "| figure | median | p95 | max |", "|---|---:|---:|---:|"]
            text += line.summaries.map { "| \($0.name) (\($0.unit)) | \($0.p50) | \($0.p95 ?? "") | \($0.max ?? "") |" }
            text.append("")
        }
        var rest = lines.filter { $0.summaries.isEmpty }
        while let first = rest.first {
            let keys = first.fields.map(\.key)
            let group = rest.filter { $0.fields.map(\.key) == keys }
            rest.removeAll { $0.fields.map(\.key) == keys }
            text += ["| " + keys.joined(separator: " | ") + " |", "|" + keys.map { _ in "---|" }.joined()]
            text += group.map { "| " + $0.fields.map(\.value).joined(separator: " | ") + " |" }
            text.append("")
        }
        return text
    }

    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// The failover chart: one bar per run of the unplanned failovers at each setting and of the planned
    /// switchovers, in milliseconds.
    public static func failoverChart(_ results: [FailoverBenchmark.Result]) -> SVGBarChart {
        let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"]
        var series = results.map { result in
            SVGBarChart.Series(
                name: "unplanned, deadtime \(result.timings.deadtime.wholeMilliseconds) ms", color: "",
                values: result.unplanned.map { Double($0.wholeMilliseconds) })
        }
        let planned = results.flatMap(\.planned)
        if !planned.isEmpty {
            series.append(
                SVGBarChart.Series(
                    name: "planned (pgpair takeover)", color: "", values: planned.map { Double($0.wholeMilliseconds) }))
        }
        for index in series.indices {
            series[index].color = colors[index % colors.count]
        }
        return SVGBarChart(
            title: "Client-observed downtime per failover run", axisLabel: "downtime (ms)", series: series)
    }
}
