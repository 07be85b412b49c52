/// What a node is doing with the groups it may hold, as `status` and every heartbeat show it.
public enum NodeRole: String, Sendable, Equatable, CaseIterable {
    /// Holds no `pgsql` group and is ready to take it over.
    case standby
    /// Starting its groups (address, then PostgreSQL).
    case starting
    /// Holds the `pgsql` group and serves.
    case active
    /// Stopping its groups, e.g. to hand them to the peer.
    case stopping
    /// Refuses automatic actions until a condition passes or an operator acts.
    case blocked
    /// Automatic actions stopped by an operator; heartbeats continue.
    case maintenance
}
