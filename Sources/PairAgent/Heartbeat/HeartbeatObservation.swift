import PairCore

/// What the heartbeat loop tells the node about its peer, in the order it happened, stamped with the instant of
/// the agent's monotonic clock at which the loop saw it.
public enum HeartbeatObservation: Sendable {
    /// A valid message from the peer: checked, authenticated, not a replay.
    case message(HeartbeatMessage, at: ContinuousClock.Instant)
    /// A verdict of the failure detector.
    case detector(DetectorEvent, at: ContinuousClock.Instant)
    /// The heartbeat can use at least one medium again (`usable`), or none any more.
    case media(usable: Bool, at: ContinuousClock.Instant)
}
