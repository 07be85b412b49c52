/// A change the failure detector reports; the agent logs it and feeds it to the node state machine.
public enum DetectorEvent: Sendable, Equatable {
    /// The link (its index) carries the peer's messages again, or for the first time.
    case linkUp(Int)
    /// The link (its index) has been silent for deadtime or more; `silentFor` is the silence when noticed.
    case linkDown(Int, silentFor: Duration)
    /// The peer is heard: the first time since start, or again after it was declared dead.
    case peerUp
    /// Every link is down, or initdead passed without hearing the peer; `silentFor` is the silence when noticed
    /// (since start, for initdead).
    case peerDead(silentFor: Duration)
    /// The peer has been silent on every link for warntime or more (`since` is the silence when noticed): guards
    /// that take time (ping, fencing, the duplicate-address check) start here. Always followed, later, by
    /// `lateHeartbeat` (the peer is back) or `peerDead`.
    case peerSilent(since: Duration)
    /// A message arrived after a gap of warntime or more since the previous one on any link; `gap` is its length.
    case lateHeartbeat(gap: Duration)
}
