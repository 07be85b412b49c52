import PairCore

/// What this node says about itself in every heartbeat: its role, the groups it holds, its data epoch, its copy.
/// Until the node state machine exists the agent announces a standby holding nothing.
public struct LocalAnnouncement: Sendable, Equatable {
    /// This node's role.
    public var role: NodeRole
    /// The groups this node holds, by their first resource.
    public var heldGroups: [String]
    /// This node's data epoch.
    public var epoch: UInt64
    /// The standby's newest complete copy, or the active's last finished round.
    public var copy: SyncStamp?

    /// Creates an announcement.
    public init(role: NodeRole, heldGroups: [String] = [], epoch: UInt64 = 0, copy: SyncStamp? = nil) {
        self.role = role
        self.heldGroups = heldGroups
        self.epoch = epoch
        self.copy = copy
    }
}
