import Foundation
import Testing

@testable import PairLab

struct BenchmarkResultsReportTests {
    static let lines = [
        "bench heartbeat: deadtime_ms=1000 keepalive_ms=200 runs=20 detect_p50_ms=1034 detect_p95_ms=1101 "
            + "detect_max_ms=1150 rss_mb=9.5 cpu_pct=0.40",
        "bench failover: unplanned_p50_s=1.200 unplanned_p95_s=1.250 floor_s=1.150 fast_p50_s=0.650 fast_p95_s=0.700 "
            + "fast_floor_s=0.740 planned_p50_s=0.450 double_active=0",
        "bench sync: rsync_time_ratio=3.000 rsync_bytes_ratio=1.800 dumpall_time_ratio=1.500 rounds=20",
        "bench stability: deadtime_ms=600 load=cpu seconds=180 flips=0 double_vip_samples=0 failed_samples=0",
        "bench stability: deadtime_ms=600 load=mixed seconds=180 flips=1 double_vip_samples=0 failed_samples=2",
    ]

    static let report = BenchmarkResultsReport(
        machine: MachineDescription(cpuModel: "AMD EPYC", cores: 2, memoryBytes: 24 << 30, kernel: "6.18.44"),
        date: Date(timeIntervalSince1970: 1_795_000_000), revision: "7e3a5a1", settings: ["sync: scale 20"],
        lines: lines, chartFile: "failover-downtime.svg")

    @Test func theReportStatesTheMachineTheDateAndTheSettings() {
        let text = Self.report.markdown()
        #expect(text.hasPrefix("# Benchmark results\n"))
        #expect(text.contains("- CPU: AMD EPYC\n- Cores: 2\n- Memory: 24.0 GiB\n- Kernel: Linux 6.18.44"))
        #expect(text.contains("on 2026-11-18 ") && text.contains("UTC, at commit `7e3a5a1`"))
        #expect(text.contains("## Settings\n\n- sync: scale 20\n"))
    }

    @Test func aLineWithMediansBecomesAFigureTable() {
        let text = Self.report.markdown()
        #expect(text.contains("`deadtime_ms=1000` `keepalive_ms=200` `runs=20` `rss_mb=9.5` `cpu_pct=0.40`"))
        #expect(
            text.contains("| figure | median | p95 | max |\n|---|---:|---:|---:|\n| detect (ms) | 1034 | 1101 | 1150 |")
        )
    }

    @Test func linesWithTheSameKeysShareOneTable() {
        let text = Self.report.markdown()
        #expect(
            text.contains(
                "| deadtime_ms | load | seconds | flips | double_vip_samples | failed_samples |\n"
                    + "|---|---|---|---|---|---|\n"
                    + "| 600 | cpu | 180 | 0 | 0 | 0 |\n| 600 | mixed | 180 | 1 | 0 | 2 |"))
        #expect(text.contains("| rsync_time_ratio | rsync_bytes_ratio | dumpall_time_ratio | rounds |"))
    }

    @Test func theChartFollowsTheFailoverFiguresAndEveryLineIsKeptVerbatim() throws {
        let text = Self.report.markdown()
        let chart = try #require(text.range(of: "![Client-observed downtime per failover run](failover-downtime.svg)"))
        let failover = try #require(text.range(of: "## Failover"))
        let sync = try #require(text.range(of: "## Sync"))
        #expect(failover.upperBound < chart.lowerBound && chart.upperBound < sync.lowerBound)
        let raw = try #require(text.range(of: "## Output lines"))
        #expect(text[raw.upperBound...].contains(Self.lines.joined(separator: "\n")))
    }

    @Test func aBenchmarkWithoutLinesHasNoSection() {
        var report = Self.report
        report.lines = [Self.lines[0]]
        let text = report.markdown()
        #expect(text.contains("## Heartbeat") && !text.contains("## Sync") && !text.contains("failover-downtime.svg"))
    }

    @Test func theFailoverChartHasABarPerRunOfEachSettingAndThePlannedRuns() {
        let standard = FailoverBenchmarkTests.result(
            deadtime: .seconds(1), unplanned: [1_100, 1_200], starts: [150], planned: [400, 300, 350])
        let fast = FailoverBenchmarkTests.result(
            deadtime: .milliseconds(600), unplanned: [700], starts: [150], planned: [])
        let chart = BenchmarkResultsReport.failoverChart([standard, fast])
        #expect(
            chart.series.map(\.name) == [
                "unplanned, deadtime 1000 ms", "unplanned, deadtime 600 ms", "planned (pgpair takeover)",
            ])
        #expect(chart.series.map(\.values) == [[1_100, 1_200], [700], [400, 300, 350]])
        #expect(Set(chart.series.map(\.color)).count == 3)
    }
}
