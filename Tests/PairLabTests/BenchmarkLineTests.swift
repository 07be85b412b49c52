import Testing

@testable import PairLab

struct BenchmarkLineTests {
    @Test func aLineSplitsIntoItsBenchmarkAndFields() throws {
        let line = try #require(
            BenchmarkLine(
                "bench heartbeat: deadtime_ms=1000 keepalive_ms=200 runs=20 detect_p50_ms=1034 detect_p95_ms=1101 "
                    + "detect_max_ms=1150 rss_mb=9.5"
            ))
        #expect(line.benchmark == "heartbeat")
        #expect(line["runs"] == "20" && line["missing"] == nil)
        #expect(line.summaries.map(\.name) == ["detect"])
        #expect(line.summaries.first.map { [$0.unit, $0.p50, $0.p95, $0.max] } == ["ms", "1034", "1101", "1150"])
        #expect(line.otherFields.map(\.key) == ["deadtime_ms", "keepalive_ms", "runs", "rss_mb"])
    }

    @Test func aSummaryMayLackItsMaximum() throws {
        let line = try #require(
            BenchmarkLine("bench failover: pg_ctl_start_p50_ms=150 pg_ctl_start_p95_ms=160 floor_ms=1150"))
        #expect(line.summaries.first?.name == "pg_ctl_start" && line.summaries.first?.max == nil)
        #expect(line.otherFields.map(\.key) == ["floor_ms"])
    }

    @Test(arguments: ["", "bench", "heartbeat: a=1", "bench heartbeat a=1", "bench heartbeat: a", "bench x: =1"])
    func whatIsNotABenchmarkLineIsRefused(text: String) {
        #expect(BenchmarkLine(text) == nil)
    }
}
