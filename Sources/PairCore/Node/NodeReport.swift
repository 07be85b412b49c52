/// Something the agent must log loudly, beyond the actions themselves.
public enum NodeReport: Sendable, Equatable {
    /// The peer announced holding a group this node was starting: this node stops it and leaves it to the peer.
    case yieldedToPeer(group: String)
    /// Both nodes held the group and this node's claim is the older one: it stops the group (for `pgsql`, it then
    /// sets its data directory aside and blocks).
    case bothHeld(group: String)
    /// An operator overrode a block with `takeover --force` (nil when there was none).
    case forcedTakeover(overriding: NodeBlock?)
    /// A group failed `restart_limit` times within the window: it is handed to the peer.
    case restartLimitReached(group: String)
    /// This node has reached no ping target for the grace period while the peer reaches one: the group goes to the
    /// peer (heartbeat's ipfail).
    case pingLost(group: String)
    /// Both nodes may be taking over from each other at once (a partition, not a death) and this node is the one
    /// that waits: it fences only after `fence_delay`, by which time the other has fenced it if it could.
    case fenceDelayed(Duration)
}
