/// The marker a node keeps in `state_dir` about its own data, read at the agent's next start.
public enum NodeMarker: Sendable, Equatable {
    /// Written before this node starts the `pgsql` group at `epoch`, kept while it runs: found at a start, it means
    /// the node was active and did not stop cleanly.
    case uncleanStop(epoch: UInt64)
    /// Written when this node stopped `pgsql` cleanly after running it at `epoch` while the peer was not up and had
    /// announced no newer epoch: the node was the last active, and its data is the newest of the pair.
    case lastActive(epoch: UInt64)

    /// The epoch the marker was written at.
    public var epoch: UInt64 {
        switch self {
        case .uncleanStop(let epoch), .lastActive(let epoch): return epoch
        }
    }
}
