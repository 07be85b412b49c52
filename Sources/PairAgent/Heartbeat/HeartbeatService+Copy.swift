import PairCore

extension HeartbeatService {
    /// Tells the peer of `copy` in every heartbeat from the next one on: the standby's newest complete copy, or
    /// the active's last successful round. The node loop's announcements leave `copy` nil; this one is kept apart
    /// and merged into each message.
    public func keepCopy(_ copy: SyncStamp?) {
        engine.keepCopy(copy)
    }

    /// The copy the peer's newest heartbeat tells of; nil when never heard or when it has none.
    public var peerCopy: SyncStamp? {
        engine.snapshot.peerCopy
    }
}
