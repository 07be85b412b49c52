import Testing

@testable import PairLab

struct LatencySummaryTests {
    @Test func nearestRankPercentilesOfTwentySamples() throws {
        let summary = try #require(LatencySummary((1...20).reversed().map { .milliseconds($0 * 10) }))
        #expect(summary.count == 20)
        #expect(summary.p50 == .milliseconds(100))
        #expect(summary.p95 == .milliseconds(190))
        #expect(summary.max == .milliseconds(200))
    }

    @Test func oneSampleIsEveryPercentile() throws {
        let summary = try #require(LatencySummary([.milliseconds(7)]))
        #expect(summary.p50 == .milliseconds(7) && summary.p95 == .milliseconds(7) && summary.max == .milliseconds(7))
    }

    @Test func noSamplesNoSummary() {
        #expect(LatencySummary([]) == nil)
    }
}
