import PairCore

/// The heartbeat's view at one moment, published by the heartbeat loop for `status` to read from any thread.
struct HeartbeatSnapshot: Sendable {
    /// One link's liveness.
    struct Link: Sendable {
        var medium: String
        var state: LinkState
        var lastHeard: ContinuousClock.Instant?
    }

    var announcement: LocalAnnouncement
    var peerState: PeerLiveness
    var peerRole: NodeRole?
    var peerEpoch: UInt64?
    var links: [Link]
    var rejected: RejectedCounts
    /// The copy the peer's newest heartbeat tells of (its newest complete copy, or its last round).
    var peerCopy: SyncStamp? = nil
}
