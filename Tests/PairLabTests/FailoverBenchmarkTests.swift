import Testing

@testable import PairLab

struct FailoverBenchmarkTests {
    static func result(deadtime: Duration, unplanned: [Int], starts: [Int], planned: [Int], doubles: Int = 0)
        -> FailoverBenchmark.Result
    {
        FailoverBenchmark.Result(
            timings: .benchmark(keepalive: .milliseconds(200), deadtime: deadtime),
            unplanned: unplanned.map { .milliseconds($0) }, postgresStarts: starts.map { .milliseconds($0) },
            planned: planned.map { .milliseconds($0) }, doubleActive: doubles, readings: 900)
    }

    @Test func theFloorIsDeadtimePlusTheMedianBareStart() {
        let result = Self.result(deadtime: .seconds(1), unplanned: [], starts: [180, 120, 150], planned: [])
        #expect(result.floor == .milliseconds(1_150))
        #expect(Self.result(deadtime: .seconds(1), unplanned: [], starts: [], planned: []).floor == nil)
    }

    @Test func eachSettingHasALineWithItsFigures() {
        let result = Self.result(
            deadtime: .seconds(1), unplanned: [1_100, 1_300, 1_200], starts: [150], planned: [400, 300], doubles: 1)
        #expect(
            result.line
                == "bench failover: deadtime_ms=1000 keepalive_ms=200 runs=3 downtime_p50_ms=1200 "
                + "downtime_p95_ms=1300 downtime_max_ms=1300 pg_ctl_start_p50_ms=150 pg_ctl_start_p95_ms=150 "
                + "floor_ms=1150 planned_runs=2 planned_p50_ms=300 planned_p95_ms=400 planned_max_ms=400 "
                + "double_active=1 readings=900")
    }

    @Test func withGuardsTheLinesSayWhichBeforeTheFigures() {
        var standard = Self.result(deadtime: .seconds(1), unplanned: [1_100], starts: [150], planned: [])
        var fast = Self.result(deadtime: .milliseconds(600), unplanned: [700], starts: [140], planned: [])
        standard.guards = LabGuardSettings(pingTargets: ["198.18.0.10"], fence: .command(.nodeDeath))
        fast.guards = standard.guards
        #expect(
            FailoverBenchmark.summaryLine(standard: standard, fast: fast)
                == "bench failover: ping_targets=1 fence=command unplanned_p50_s=1.100 unplanned_p95_s=1.100 "
                + "floor_s=1.150 fast_p50_s=0.700 fast_p95_s=0.700 fast_floor_s=0.740 planned_p50_s=- double_active=0")
        #expect(
            standard.line.hasPrefix(
                "bench failover: deadtime_ms=1000 keepalive_ms=200 runs=1 ping_targets=1 fence=command "
                    + "downtime_p50_ms=1100 "))
    }

    @Test func theLastLineHasTheIssuesKeysInItsOrder() {
        let standard = Self.result(
            deadtime: .seconds(1), unplanned: [1_100, 1_250, 1_200], starts: [150, 160], planned: [450, 300, 500])
        let fast = Self.result(deadtime: .milliseconds(600), unplanned: [700, 650], starts: [140], planned: [])
        #expect(
            FailoverBenchmark.summaryLine(standard: standard, fast: fast)
                == "bench failover: unplanned_p50_s=1.200 unplanned_p95_s=1.250 floor_s=1.150 fast_p50_s=0.650 "
                + "fast_p95_s=0.700 fast_floor_s=0.740 planned_p50_s=0.450 double_active=0")
    }
}
