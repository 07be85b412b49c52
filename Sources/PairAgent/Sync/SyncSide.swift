import PairCore

/// Which node runs a round: with rsync the active pushes, with pg_dumpall the standby pulls. Any other caller
/// skips the round with a one-line reason.
public enum SyncSide: Sendable, Equatable {
    /// This node runs the round.
    case runsRound
    /// This node must not sync now; the reason is the line `pgpair sync` prints.
    case skips(String)

    /// Where this node stands: whether it runs the `pgsql` group, and whether the peer does (nil when unknown).
    public struct Position: Sendable, Equatable {
        /// This node runs the group that holds `pgsql`.
        public var runsPostgres: Bool
        /// The peer runs it; nil when this node cannot tell (no agent answered).
        public var peerRunsPostgres: Bool?

        /// A position.
        public init(runsPostgres: Bool, peerRunsPostgres: Bool?) {
            self.runsPostgres = runsPostgres
            self.peerRunsPostgres = peerRunsPostgres
        }

        /// Where the node stands by its agent's status: the `pgsql` group's entry (owner and `running`); without
        /// a `pgsql` group, by the role.
        public init(status: NodeStatus, postgresGroup: String?) {
            guard let postgresGroup, let group = status.resources.first(where: { $0.group == postgresGroup }) else {
                self.init(runsPostgres: status.role == .active, peerRunsPostgres: status.peer.role == .active)
                return
            }
            self.init(
                runsPostgres: group.owner == status.node && group.state == .running,
                peerRunsPostgres: group.owner == status.peer.node && group.state == .running)
        }
    }

    /// The side for `method` at `position`.
    public static func decide(method: SyncSettings.Method?, position: Position) -> SyncSide {
        switch method {
        case nil:
            return .skips("sync_method is not set in ha.cf; pgpair makes no copies")
        case .rsync:
            return position.runsPostgres
                ? .runsRound : .skips("this node does not run PostgreSQL; with rsync the active node pushes")
        case .pgDumpall:
            if position.runsPostgres {
                return .skips("this node runs PostgreSQL; with pg_dumpall the standby pulls")
            }
            if position.peerRunsPostgres == false {
                return .skips("the peer does not run PostgreSQL; there is nothing to pull from")
            }
            return .runsRound
        }
    }
}
