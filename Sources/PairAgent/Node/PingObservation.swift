/// One whole round of the continuous ping: whether this node reaches a ping target, and each target's state.
public struct PingObservation: Sendable {
    /// At least one `ping` target, or one member of a `ping_group`, answered.
    public var reachable: Bool
    /// Every target by the name `status` shows, in ha.cf order, and whether it answered.
    public var targets: [(name: String, up: Bool)]
    /// When the round began: the evidence is from then on.
    public var began: ContinuousClock.Instant
}
