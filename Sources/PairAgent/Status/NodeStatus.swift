import PairCore

/// The node's view, as `pgpair status --json` prints it. Field names, types and units are a contract that scripts
/// and monitoring rely on (docs/status-json.md): times are RFC 3339 strings or null, durations carry their unit in
/// the name, enumerations are lower-case strings, and an absent value is null, never "".
public struct NodeStatus: Sendable, Equatable {
    /// This node's name.
    public var node: String
    /// This node's role.
    public var role: NodeRole
    /// Why the node refuses to act, in plain words with the next step; nil unless `role` is `blocked`.
    public var blockedReason: String?
    /// True when the block protects data and only an operator can clear it (`pgpair unblock`, `takeover --force`).
    public var blockNeedsOperator: Bool
    /// The data epoch: 0 before any takeover, increased at every takeover.
    public var epoch: UInt64
    /// This agent's generation, increased at every start.
    public var generation: UInt64
    /// The heartbeat protocol version this agent speaks.
    public var protocolVersion: Int
    /// What this node knows of its peer.
    public var peer: PeerStatus
    /// Every resource group, in haresources order, with its home, owner and state as this node sees them.
    public var resources: [GroupStatus]
    /// How copies are made and how old the standby's copy is; nil from an agent older than the field.
    public var sync: SyncStatus?
    /// Every ping target with its state in the latest round; empty without ping targets.
    public var ping: [PingTargetStatus]

    /// Creates a status.
    public init(
        node: String, role: NodeRole, blockedReason: String?, blockNeedsOperator: Bool, epoch: UInt64,
        generation: UInt64, protocolVersion: Int, peer: PeerStatus, resources: [GroupStatus] = [],
        sync: SyncStatus? = nil, ping: [PingTargetStatus] = []
    ) {
        self.node = node
        self.role = role
        self.blockedReason = blockedReason
        self.blockNeedsOperator = blockNeedsOperator
        self.epoch = epoch
        self.generation = generation
        self.protocolVersion = protocolVersion
        self.peer = peer
        self.resources = resources
        self.sync = sync
        self.ping = ping
    }
}
