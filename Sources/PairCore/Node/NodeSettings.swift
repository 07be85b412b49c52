/// What the node state machine needs of the configuration: the two nodes, the groups, and the rules and times of
/// takeover, monitoring and fencing.
public struct NodeSettings: Sendable, Equatable {
    /// This node's name (lower case, as in ha.cf).
    public var localNode: String
    /// The peer's name.
    public var peerNode: String
    /// The resource groups, in haresources order: groups start in this order and stop in the reverse.
    public var groups: [ResourceGroup]
    /// How long to wait for the peer after start before anything is started (`initdead`).
    public var initdead: Duration
    /// `auto_failback`: a group moves back to its home node when that node is up again.
    public var autoFailback: Bool
    /// `cold_start_takeover`: a node that has not heard its peer since it started may take over on a standby copy.
    public var coldStartTakeover: Bool
    /// True when `ping` or `ping_group` lines exist: a takeover needs one target to answer.
    public var pingConfigured: Bool
    /// True when a `fence` line exists: a takeover after the peer's death needs a confirmed fence.
    public var fencingConfigured: Bool
    /// `fence_delay`: how long a node that did not hold the `pgsql` group waits before it fences.
    public var fenceDelay: Duration
    /// `monitor_interval`: how often held groups are checked.
    public var monitorInterval: Duration
    /// `restart_limit`: restarts in place within `restartWindow` before a failing group is handed to the peer.
    public var restartLimit: Int
    /// The window restarts are counted in: a restart older than this no longer counts.
    public var restartWindow: Duration
    /// How many times a group's stop is tried before the node is blocked (the first try included).
    public var stopAttempts: Int
    /// The first wait before a failed fence is tried again; it doubles with every failure up to `fenceRetryLimit`.
    public var fenceRetryDelay: Duration
    /// The longest wait between two fence attempts.
    public var fenceRetryLimit: Duration
    /// How long a holder must have reached no ping target, while its peer reaches one, before it hands its groups
    /// to the peer (heartbeat's ipfail): the deadtime, so one lost round never moves the service.
    public var pingLossGrace: Duration

    /// The default window for `restart_limit`: one hour.
    public static let defaultRestartWindow = Duration.seconds(3600)
    /// The default number of stop attempts: the first and two retries.
    public static let defaultStopAttempts = 3
    /// The default first wait before a failed fence is retried.
    public static let defaultFenceRetryDelay = Duration.seconds(5)
    /// The default longest wait between fence attempts.
    public static let defaultFenceRetryLimit = Duration.seconds(60)

    /// Creates settings; every parameter not given has its configuration default.
    public init(
        localNode: String,
        peerNode: String,
        groups: [ResourceGroup],
        initdead: Duration,
        autoFailback: Bool = false,
        coldStartTakeover: Bool = false,
        pingConfigured: Bool = false,
        fencingConfigured: Bool = false,
        fenceDelay: Duration = FenceSettings.defaultDelay,
        monitorInterval: Duration = MonitorSettings.defaultInterval,
        restartLimit: Int = MonitorSettings.defaultRestartLimit,
        restartWindow: Duration = defaultRestartWindow,
        stopAttempts: Int = defaultStopAttempts,
        fenceRetryDelay: Duration = defaultFenceRetryDelay,
        fenceRetryLimit: Duration = defaultFenceRetryLimit,
        pingLossGrace: Duration = .seconds(10)
    ) {
        self.localNode = localNode
        self.peerNode = peerNode
        self.groups = groups
        self.initdead = initdead
        self.autoFailback = autoFailback
        self.coldStartTakeover = coldStartTakeover
        self.pingConfigured = pingConfigured
        self.fencingConfigured = fencingConfigured
        self.fenceDelay = fenceDelay
        self.monitorInterval = monitorInterval
        self.restartLimit = restartLimit
        self.restartWindow = restartWindow
        self.stopAttempts = max(1, stopAttempts)
        self.fenceRetryDelay = fenceRetryDelay
        self.fenceRetryLimit = fenceRetryLimit
        self.pingLossGrace = pingLossGrace
    }

    /// The settings a validated configuration gives.
    public init(configuration: PairConfiguration) {
        let ha = configuration.ha
        self.init(
            localNode: ha.localNode,
            peerNode: ha.peerNode,
            groups: configuration.resources.groups,
            initdead: ha.timing.initdead,
            autoFailback: ha.autoFailback,
            coldStartTakeover: ha.coldStartTakeover,
            pingConfigured: !ha.pingTargets.isEmpty,
            fencingConfigured: ha.fencing.method != nil,
            fenceDelay: ha.fencing.delay,
            monitorInterval: ha.monitoring.interval,
            restartLimit: ha.monitoring.restartLimit,
            pingLossGrace: ha.timing.deadtime)
    }

    /// The group that decides the node's role: the one that holds `pgsql`, or the first group when none does.
    public var roleGroup: ResourceGroup? {
        groups.first(where: \.holdsPostgres) ?? groups.first
    }
}
