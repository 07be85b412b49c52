import PairCore

/// What a node knows of its peer: liveness, the peer's own view from its newest heartbeat, and every link.
public struct PeerStatus: Sendable, Equatable {
    /// The peer's name.
    public var node: String
    /// `up`, `dead`, or `unknown` (not heard since start, within initdead).
    public var state: PeerLiveness
    /// The role the peer announced in its newest heartbeat; nil when never heard.
    public var role: NodeRole?
    /// The data epoch the peer announced in its newest heartbeat; nil when never heard.
    public var epoch: UInt64?
    /// Every heartbeat medium, in ha.cf order.
    public var links: [LinkStatus]
    /// Messages rejected since start, by reason.
    public var rejected: RejectedCounts

    /// Creates a peer status.
    public init(
        node: String, state: PeerLiveness, role: NodeRole?, epoch: UInt64?, links: [LinkStatus],
        rejected: RejectedCounts
    ) {
        self.node = node
        self.state = state
        self.role = role
        self.epoch = epoch
        self.links = links
        self.rejected = rejected
    }
}
