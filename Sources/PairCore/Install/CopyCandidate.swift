/// One copy of the data an install may choose: the current data directory, the newest complete snapshot, or a
/// cleanly stopped peer's data directory.
public struct CopyCandidate: Sendable, Equatable {
    /// Where the copy is.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// The data directory PostgreSQL would start on as it is.
        case current
        /// A published snapshot, by its name under `snapshot_dir`.
        case snapshot(String)
        /// The peer's data directory (its cluster cleanly stopped).
        case peer

        public var description: String {
            switch self {
            case .current: "the current data directory"
            case .snapshot(let name): "snapshot \(name)"
            case .peer: "the peer's data directory"
            }
        }
    }

    /// What the copy's control file says about how its cluster ended.
    public enum ClusterState: Sendable, Equatable {
        /// Cleanly shut down: its data ends at its latest checkpoint.
        case shutDown
        /// A base backup not started since (a `backup_label` is there): it recovers to its backup's stop position.
        case backup
        /// Stopped without a shutdown checkpoint (a crash, a kill): its WAL may reach past the latest checkpoint,
        /// and how far is not known without replaying it.
        case crashed
    }

    /// Where the copy is.
    public var source: Source
    /// How new it is.
    public var rank: CopyRank
    /// How its cluster ended.
    public var state: ClusterState
    /// Whether its control file reads (and passes its check): only then can its rank be trusted.
    public var isComplete: Bool

    /// A candidate.
    public init(source: Source, rank: CopyRank, state: ClusterState, isComplete: Bool = true) {
        self.source = source
        self.rank = rank
        self.state = state
        self.isComplete = isComplete
    }
}
