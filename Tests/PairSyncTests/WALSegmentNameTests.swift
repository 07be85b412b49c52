import Testing

@testable import PairSync

@Suite("WALSegmentName and WALPosition")
struct WALSegmentNameTests {
    static let sixteenMB: UInt64 = 16 << 20

    @Test("a range runs across a log-ID boundary, both ends included")
    func rangeAcrossLogID() throws {
        let first = try #require(WALSegmentName("0000000200000001000000FE", segmentSize: Self.sixteenMB))
        let last = try #require(WALSegmentName("000000020000000200000001", segmentSize: Self.sixteenMB))
        let names = try #require(WALSegmentName.range(from: first, through: last)).map(\.name)
        #expect(
            names == [
                "0000000200000001000000FE", "0000000200000001000000FF", "000000020000000200000000",
                "000000020000000200000001",
            ])
    }

    @Test("a one-segment backup copies that segment")
    func oneSegment() throws {
        let only = try #require(WALSegmentName("000000010000000000000002", segmentSize: Self.sixteenMB))
        #expect(WALSegmentName.range(from: only, through: only)?.map(\.name) == ["000000010000000000000002"])
    }

    @Test("64 MB segments number 64 per log ID")
    func largerSegments() throws {
        let first = try #require(WALSegmentName("00000001000000000000003F", segmentSize: 64 << 20))
        let last = try #require(WALSegmentName("000000010000000100000000", segmentSize: 64 << 20))
        #expect(WALSegmentName.range(from: first, through: last)?.count == 2)
    }

    @Test(
        "refused: other timelines, a stop before the start, malformed names, odd segment sizes",
        arguments: [
            ("000000010000000000000003", "000000020000000000000004", Self.sixteenMB),
            ("000000010000000000000004", "000000010000000000000003", Self.sixteenMB),
        ])
    func refusedRanges(first: String, last: String, size: UInt64) throws {
        let start = try #require(WALSegmentName(first, segmentSize: size))
        let stop = try #require(WALSegmentName(last, segmentSize: size))
        #expect(WALSegmentName.range(from: start, through: stop) == nil)
    }

    @Test(
        "malformed names and segment sizes do not parse",
        arguments: [
            ("00000001000000000000000", Self.sixteenMB),
            ("0000000100000000000000XY", Self.sixteenMB),
            ("000000010000000000000100", Self.sixteenMB),
            ("000000010000000000000001", 3 << 20),
        ])
    func malformed(name: String, size: UInt64) {
        #expect(WALSegmentName(name, segmentSize: size) == nil)
    }

    @Test("LSNs parse, print and order as PostgreSQL's")
    func positions() throws {
        let position = try #require(WALPosition("1A/2B0000C8"))
        #expect(position.value == 0x1A_2B00_00C8)
        #expect(position.description == "1A/2B0000C8")
        #expect(WALPosition("0/2000028")! < WALPosition("0/20000F0")!)
        #expect(WALPosition("nonsense") == nil && WALPosition("1/2/3") == nil)
    }
}
