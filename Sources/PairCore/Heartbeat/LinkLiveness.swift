/// One heartbeat link as the failure detector sees it.
public struct LinkLiveness<Instant: InstantProtocol>: Sendable, Equatable
where Instant.Duration == Duration, Instant: Sendable {
    /// Up or down.
    public var state: LinkState
    /// When the last valid message arrived on it (the receiver's monotonic clock); nil when never.
    public var lastHeard: Instant?

    /// Creates a link's view.
    public init(state: LinkState, lastHeard: Instant?) {
        self.state = state
        self.lastHeard = lastHeard
    }

    /// How long ago the last valid message arrived, at `now`; nil when never (`status`'s `last_heard_ms`).
    public func age(at now: Instant) -> Duration? {
        lastHeard.map { $0.duration(to: now) }
    }
}
