/// What became of a decoded heartbeat on the link it arrived on.
public enum HeartbeatAcceptance: Sendable, Equatable {
    /// It counts on its link (the link is alive). `newest` when it is newer than every message accepted on any
    /// link (the peer's state is now taken from it); `peerRestarted` the first time a newer generation than any
    /// seen before arrives, on any link.
    case accepted(newest: Bool, peerRestarted: Bool)
    /// This node's own message, looped back by broadcast or multicast: not counted anywhere.
    case ignoredOwnMessage
    /// Not counted: a replay or duplicate (`replay`), or from a node that is not the peer (`malformed`).
    case rejected(HeartbeatRejection)
}
