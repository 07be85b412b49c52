/// The failure detector's times: how often to send, when a peer is late, dead, and dead at start.
public struct HeartbeatTiming: Sendable, Equatable {
    /// `keepalive`: the interval between heartbeats.
    public var keepalive: Duration
    /// `deadtime`: silence on every link after which the peer is dead.
    public var deadtime: Duration
    /// `warntime`: a gap after which a late-heartbeat warning is logged.
    public var warntime: Duration
    /// `initdead`: how long to wait for the peer after start before declaring it dead.
    public var initdead: Duration
    /// True when `warntime` was not written and was derived from `deadtime`.
    public var warntimeIsDerived: Bool
    /// True when `initdead` was not written and was derived from `deadtime`.
    public var initdeadIsDerived: Bool

    /// Heartbeat's default keepalive, 1 s.
    public static let defaultKeepalive = Duration.seconds(1)
    /// Heartbeat's default deadtime, 30 s.
    public static let defaultDeadtime = Duration.seconds(30)

    /// Creates timings; the derived ones follow heartbeat's rules when not given.
    public init(
        keepalive: Duration = defaultKeepalive,
        deadtime: Duration = defaultDeadtime,
        warntime: Duration? = nil,
        initdead: Duration? = nil
    ) {
        self.keepalive = keepalive
        self.deadtime = deadtime
        self.warntime = warntime ?? Self.derivedWarntime(deadtime: deadtime)
        self.initdead = initdead ?? Self.derivedInitdead(deadtime: deadtime)
        self.warntimeIsDerived = warntime == nil
        self.initdeadIsDerived = initdead == nil
    }

    /// Heartbeat's default warntime: half of deadtime.
    public static func derivedWarntime(deadtime: Duration) -> Duration {
        deadtime / 2
    }

    /// Heartbeat's default initdead (config.c): deadtime when it is above 10 s; otherwise 12 s when deadtime is
    /// below 6 s, and twice deadtime from 6 s to 10 s.
    public static func derivedInitdead(deadtime: Duration) -> Duration {
        if deadtime > .seconds(10) { return deadtime }
        if deadtime < .seconds(6) { return .seconds(12) }
        return deadtime * 2
    }

    /// How the derived initdead was computed, for the summary.
    static func initdeadDerivation(deadtime: Duration) -> String {
        if deadtime > .seconds(10) { return "deadtime, as it is above 10s" }
        if deadtime < .seconds(6) { return "12s, as deadtime is below 6s" }
        return "2 × deadtime, as deadtime is 6s to 10s"
    }
}
