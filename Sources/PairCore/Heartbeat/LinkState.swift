/// Whether a heartbeat link carries the peer's messages, as `status` shows it (`peer.links[].state`).
public enum LinkState: String, Sendable, Equatable, CaseIterable {
    /// A valid message arrived on it less than deadtime ago.
    case up
    /// Never heard, or silent for deadtime or more.
    case down
}
