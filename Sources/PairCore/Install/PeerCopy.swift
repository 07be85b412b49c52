/// What an install knows about the peer's PostgreSQL.
public enum PeerCopy: Sendable, Equatable {
    /// Not asked, or not reachable: the peer offers no copy.
    case unknown
    /// Its PostgreSQL answers: the peer is not dead, and its data directory is in use.
    case answering
    /// Its PostgreSQL is stopped and its data directory can be read (a planned switchover); the candidate it
    /// offers.
    case stopped(CopyCandidate)
}
