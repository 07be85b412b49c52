/// How new a copy of the data is: its data epoch first, then how far its WAL reaches. A copy of a later takeover is
/// newer whatever its WAL position (positions of different epochs belong to different histories); within one
/// epoch the later checkpoint position is newer.
public struct CopyRank: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The data epoch of the takeover whose data the copy holds (0 when unknown: never newer than a known one).
    public var epoch: UInt64
    /// Where the copy's data reaches in the WAL, as a byte offset (an LSN): a stopped cluster's latest checkpoint,
    /// a snapshot's backup stop position.
    public var position: UInt64

    /// A rank.
    public init(epoch: UInt64, position: UInt64) {
        self.epoch = epoch
        self.position = position
    }

    public static func < (lhs: CopyRank, rhs: CopyRank) -> Bool {
        (lhs.epoch, lhs.position) < (rhs.epoch, rhs.position)
    }

    /// `epoch E at X/Y`, the position as PostgreSQL writes an LSN.
    public var description: String {
        "epoch \(epoch) at " + String(position >> 32, radix: 16, uppercase: true) + "/"
            + String(position & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }
}
