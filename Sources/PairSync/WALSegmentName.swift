/// A WAL segment file's name: timeline, then the segment number split in two, 24 hexadecimal digits
/// (`000000010000000000000003`).
struct WALSegmentName: Sendable, Equatable {
    var timeline: UInt32
    /// The segment number (the LSN divided by the segment size).
    var number: UInt64
    /// `wal_segment_size` in bytes.
    var segmentSize: UInt64

    private var segmentsPerLogID: UInt64 { 0x1_0000_0000 / segmentSize }

    /// Parses a name such as `pg_walfile_name` returns; nil when it is not one or the segment size is not a power
    /// of two between 1 MB and 1 GB.
    init?(_ name: String, segmentSize: UInt64) {
        guard name.count == 24, segmentSize >= 1 << 20, segmentSize <= 1 << 30, segmentSize & (segmentSize - 1) == 0,
            let timeline = UInt32(name.prefix(8), radix: 16),
            let logID = UInt64(name.dropFirst(8).prefix(8), radix: 16),
            let segment = UInt64(name.suffix(8), radix: 16)
        else { return nil }
        self.timeline = timeline
        self.segmentSize = segmentSize
        self.number = 0
        guard segment < segmentsPerLogID else { return nil }
        self.number = logID * segmentsPerLogID + segment
    }

    init(timeline: UInt32, number: UInt64, segmentSize: UInt64) {
        self.timeline = timeline
        self.number = number
        self.segmentSize = segmentSize
    }

    /// The file name.
    var name: String {
        Self.hex(UInt64(timeline)) + Self.hex(number / segmentsPerLogID) + Self.hex(number % segmentsPerLogID)
    }

    /// Every segment from `first` to `last`, both included, on `first`'s timeline; nil when they are on different
    /// timelines or `last` comes first.
    static func range(from first: WALSegmentName, through last: WALSegmentName) -> [WALSegmentName]? {
        guard first.timeline == last.timeline, first.segmentSize == last.segmentSize, first.number <= last.number
        else { return nil }
        return (first.number...last.number).map {
            WALSegmentName(timeline: first.timeline, number: $0, segmentSize: first.segmentSize)
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
