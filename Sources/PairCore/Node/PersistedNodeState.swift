/// What a node kept in `state_dir` from its previous run: its data epoch and its marker.
public struct PersistedNodeState: Sendable, Equatable {
    /// The data epoch: the epoch of this node's latest takeover, 0 before any.
    public var epoch: UInt64
    /// The marker, or nil when there is none.
    public var marker: NodeMarker?

    /// Creates the persisted state.
    public init(epoch: UInt64 = 0, marker: NodeMarker? = nil) {
        self.epoch = epoch
        self.marker = marker
    }
}
