import Foundation

/// The completion marker of a copy: written into the staging directory last, after the data, `backup_label` and
/// the WAL, so its presence means the rest has arrived. It stays in the published snapshot as that snapshot's
/// record (which backup, which WAL, whose data, when).
public struct SnapshotMarker: Sendable, Equatable, Codable {
    /// The marker's file name in the staging directory and in each snapshot.
    public static let fileName = "pgpair_snapshot.json"
    /// The current layout.
    public static let currentFormat = 1

    /// The marker's layout version.
    public var format: Int
    /// The round that made the copy.
    public var round: String
    /// The node whose data it is (the active at the time).
    public var node: String
    /// That node's data epoch, when known.
    public var epoch: UInt64?
    /// The backup's label, as in `backup_label`.
    public var label: String
    /// Where the backup started and stopped in the WAL.
    public var startPosition: WALPosition
    public var stopPosition: WALPosition
    /// The WAL segments copied into `pg_wal`, from the start's to the stop's.
    public var walFiles: [String]
    /// `wal_segment_size` in bytes: the size every copied segment must have.
    public var walSegmentSize: UInt64
    /// When the round started, and when the copy was complete.
    public var startedAt: Date
    public var completedAt: Date

    /// A marker.
    public init(
        round: String, node: String, epoch: UInt64?, label: String, startPosition: WALPosition,
        stopPosition: WALPosition, walFiles: [String], walSegmentSize: UInt64, startedAt: Date, completedAt: Date
    ) {
        self.format = Self.currentFormat
        self.round = round
        self.node = node
        self.epoch = epoch
        self.label = label
        self.startPosition = startPosition
        self.stopPosition = stopPosition
        self.walFiles = walFiles
        self.walSegmentSize = walSegmentSize
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    /// The marker as JSON text.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain values cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Decodes a marker; nil when `data` is not one of a format this program knows.
    public static func decode(_ data: Data) -> SnapshotMarker? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let marker = try? decoder.decode(SnapshotMarker.self, from: data), marker.format == currentFormat
        else { return nil }
        return marker
    }
}
