/// What a node says about itself in every heartbeat: its role, the groups it holds, its epoch, and the handshake.
public struct NodeAnnouncement: Sendable, Equatable {
    /// The node's role.
    public var role: NodeRole
    /// The groups the node holds (starting, running, stopping, or failed to stop), in haresources order.
    public var heldGroups: [String]
    /// The node's data epoch.
    public var epoch: UInt64
    /// The groups the node hands to its peer (`released=`).
    public var releasedGroups: [String]
    /// The groups the node asks its peer to release (`request=`).
    public var requestedGroups: [String]
    /// Whether the node reaches a ping target; nil without ping targets or before the first round.
    public var pingReachable: Bool?

    /// Creates an announcement.
    public init(
        role: NodeRole, heldGroups: [String] = [], epoch: UInt64 = 0, releasedGroups: [String] = [],
        requestedGroups: [String] = [], pingReachable: Bool? = nil
    ) {
        self.role = role
        self.heldGroups = heldGroups
        self.epoch = epoch
        self.releasedGroups = releasedGroups
        self.requestedGroups = requestedGroups
        self.pingReachable = pingReachable
    }

    /// What a peer's heartbeat announces.
    public init(_ message: HeartbeatMessage) {
        self.init(
            role: message.role, heldGroups: message.heldGroups, epoch: message.epoch,
            releasedGroups: message.releasedGroups, requestedGroups: message.requestedGroups,
            pingReachable: message.pingReachable)
    }
}
