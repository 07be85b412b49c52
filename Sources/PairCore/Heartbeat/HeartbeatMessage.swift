/// One heartbeat: what a node tells its peer about itself, several times a second, on every link.
public struct HeartbeatMessage: Sendable, Equatable {
    /// The heartbeat protocol version the sender speaks (`PairCoreVersion.protocolVersion`).
    public var protocolVersion: Int
    /// The sender's node name, as in `node` lines of ha.cf.
    public var sender: String
    /// The sender's generation: incremented and stored at every start of its agent.
    public var generation: UInt64
    /// The message's number within the generation; increases with every message sent.
    public var sequence: UInt64
    /// The sender's role.
    public var role: NodeRole
    /// The names of the resource groups the sender holds (a group's first resource as written in haresources).
    public var heldGroups: [String]
    /// The sender's data epoch (0 before any takeover).
    public var epoch: UInt64
    /// The sender's newest complete copy (standby) or last finished round (active); nil when there is none.
    public var copy: SyncStamp?
    /// The sender's deadtime.
    public var deadtime: Duration
    /// Groups the sender hands to the receiver (`released=`): it does not hold them and will not start them while
    /// the release stands. Empty when none; a receiver that does not know the field ignores it.
    public var releasedGroups: [String]
    /// Groups the sender asks the receiver to release (`request=`): a planned takeover, or a move home with
    /// auto_failback. Empty when none; a receiver that does not know the field ignores it.
    public var requestedGroups: [String]
    /// Whether the sender reaches a ping target (`ping=up|down`); nil when it has none configured, or has not
    /// finished a round yet. A receiver that does not know the field ignores it.
    public var pingReachable: Bool?

    /// Creates a message.
    public init(
        protocolVersion: Int = PairCoreVersion.protocolVersion,
        sender: String,
        generation: UInt64,
        sequence: UInt64,
        role: NodeRole,
        heldGroups: [String],
        epoch: UInt64,
        copy: SyncStamp?,
        deadtime: Duration,
        releasedGroups: [String] = [],
        requestedGroups: [String] = [],
        pingReachable: Bool? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.sender = sender
        self.generation = generation
        self.sequence = sequence
        self.role = role
        self.heldGroups = heldGroups
        self.epoch = epoch
        self.copy = copy
        self.deadtime = deadtime
        self.releasedGroups = releasedGroups
        self.requestedGroups = requestedGroups
        self.pingReachable = pingReachable
    }

    /// The message's place in the sender's stream: later generations first, then later sequence numbers.
    public var position: HeartbeatPosition {
        HeartbeatPosition(generation: generation, sequence: sequence)
    }
}
