/// How the agent watches its resources: `monitor_interval`, `restart_limit`, `resource_timeout`.
public struct MonitorSettings: Sendable, Equatable {
    /// `monitor_interval`: how often running resources are checked.
    public var interval: Duration
    /// `restart_limit`: restarts of a failed resource before the group is handed to the peer.
    public var restartLimit: Int
    /// `resource_timeout`: the longest one start, stop or status of a resource may take.
    public var resourceTimeout: Duration

    /// The default `monitor_interval`, 2 s.
    public static let defaultInterval = Duration.seconds(2)
    /// The default `restart_limit`, 3.
    public static let defaultRestartLimit = 3
    /// The default `resource_timeout`, 120 s: long enough for PostgreSQL's crash recovery after a takeover.
    public static let defaultResourceTimeout = Duration.seconds(120)

    /// Creates monitoring settings.
    public init(
        interval: Duration = defaultInterval,
        restartLimit: Int = defaultRestartLimit,
        resourceTimeout: Duration = defaultResourceTimeout
    ) {
        self.interval = interval
        self.restartLimit = restartLimit
        self.resourceTimeout = resourceTimeout
    }
}
