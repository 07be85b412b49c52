/// Whether the peer is alive, as `status` shows it (`peer.state`).
public enum PeerLiveness: String, Sendable, Equatable, CaseIterable {
    /// Not heard since this node started, and initdead has not passed yet.
    case unknown
    /// At least one link is up.
    case up
    /// Every link is down (or initdead passed without hearing the peer).
    case dead
}
