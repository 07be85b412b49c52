import Testing

@testable import PairLab

struct NearestRankTests {
    @Test(arguments: [
        (50, [5, 1, 3], 3), (50, [4, 1, 3, 2], 2), (95, Array(1...20), 19), (95, Array(1...21), 20),
        (100, [7, 9, 8], 9), (0, [7, 9, 8], 7),
    ])
    func percentilesAreMeasuredValuesByNearestRank(p: Int, samples: [Int], expected: Int) {
        #expect(NearestRank.percentile(p, of: samples) == expected)
    }

    @Test func noSamplesNoFigure() {
        #expect(NearestRank.median([Int]()) == nil)
        #expect(NearestRank.percentile(95, of: [Double]()) == nil)
    }

    @Test func aRatioNeedsBothFiguresAndAPositiveDenominator() {
        #expect(NearestRank.ratio(3, 2) == 1.5)
        #expect(NearestRank.ratio(nil, 2) == nil && NearestRank.ratio(3, nil) == nil && NearestRank.ratio(3, 0) == nil)
        #expect(NearestRank.formatted(1.23456) == "1.235" && NearestRank.formatted(nil) == "-")
    }
}
