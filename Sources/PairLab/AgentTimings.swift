import PairCore

/// The heartbeat timings of the agents the lab configures: ha.cf's `keepalive`, `deadtime`, `warntime` and
/// `initdead`, written in milliseconds.
public struct AgentTimings: Sendable, Hashable, CustomStringConvertible {
    /// The interval between heartbeats.
    public var keepalive: Duration
    /// Silence on every link after which the peer is dead (and on one link after which that link is down).
    public var deadtime: Duration
    /// A gap longer than this is logged as a late heartbeat.
    public var warntime: Duration
    /// How long an agent waits for its peer after its start before judging it.
    public var initdead: Duration

    public init(keepalive: Duration, deadtime: Duration, warntime: Duration, initdead: Duration) {
        self.keepalive = keepalive
        self.deadtime = deadtime
        self.warntime = warntime
        self.initdead = initdead
    }

    /// The end-to-end tests' timings: keepalive 200 ms, deadtime 2 s, warntime 1 s, initdead 4 s. Ten
    /// heartbeats fit in a deadtime, so a loaded two-core machine does not make a live peer look dead.
    public static let endToEnd = AgentTimings(
        keepalive: .milliseconds(200), deadtime: .seconds(2), warntime: .seconds(1), initdead: .seconds(4))

    /// Timings for a benchmark: `keepalive` and `deadtime` as given, warntime deadtime/2, initdead deadtime.
    public static func benchmark(keepalive: Duration, deadtime: Duration) -> AgentTimings {
        AgentTimings(keepalive: keepalive, deadtime: deadtime, warntime: deadtime / 2, initdead: deadtime)
    }

    public var description: String {
        "keepalive \(keepalive.wholeMilliseconds)ms, deadtime \(deadtime.wholeMilliseconds)ms, "
            + "warntime \(warntime.wholeMilliseconds)ms, initdead \(initdead.wholeMilliseconds)ms"
    }
}
