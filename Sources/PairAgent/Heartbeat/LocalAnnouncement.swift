import PairCore

/// What this node says about itself in every heartbeat: the state machine's announcement (role, groups held,
/// released and requested, data epoch) and the node's copy.
public struct LocalAnnouncement: Sendable, Equatable {
    /// The state machine's part.
    public var node: NodeAnnouncement
    /// The standby's newest complete copy, or the active's last finished round.
    public var copy: SyncStamp?

    /// Creates an announcement.
    public init(_ node: NodeAnnouncement, copy: SyncStamp? = nil) {
        self.node = node
        self.copy = copy
    }

    /// This node's role.
    public var role: NodeRole { node.role }
    /// This node's data epoch.
    public var epoch: UInt64 { node.epoch }
}
