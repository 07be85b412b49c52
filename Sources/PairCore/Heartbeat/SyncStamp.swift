/// The copy a heartbeat tells the peer about: for the standby its newest complete copy, for the active its last
/// finished sync round.
public struct SyncStamp: Sendable, Equatable {
    /// When the copy's round started, in Unix time milliseconds (wall clock, informational only).
    public var startedAt: Int64
    /// When the copy's round finished, in Unix time milliseconds (wall clock, informational only).
    public var finishedAt: Int64
    /// The data epoch the copy was taken in.
    public var epoch: UInt64

    /// Creates a stamp.
    public init(startedAt: Int64, finishedAt: Int64, epoch: UInt64) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.epoch = epoch
    }
}
