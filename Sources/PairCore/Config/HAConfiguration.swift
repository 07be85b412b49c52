/// The validated contents of `ha.cf`: heartbeat's directives and pgpair's own.
public struct HAConfiguration: Sendable, Equatable {
    /// The two nodes, in the order of the `node` lines, lower case.
    public var nodes: [String]
    /// This node's name (one of ``nodes``).
    public var localNode: String
    /// The other node's name.
    public var peerNode: String
    /// `keepalive`, `deadtime`, `warntime`, `initdead`.
    public var timing: HeartbeatTiming
    /// `udpport`: the port of every `bcast` and `ucast` medium.
    public var udpPort: UInt16
    /// The media this node uses, in file order.
    public var media: [HeartbeatMedium]
    /// `ucast` lines that name one of this node's own addresses, kept so both nodes can share one file.
    public var ignoredMedia: [HeartbeatMedium]
    /// `baud`: the speed of every serial medium.
    public var baudRate: Int
    /// `auto_failback`: whether a group moves back to its home node when that node returns.
    public var autoFailback: Bool
    /// `ping` and `ping_group` targets.
    public var pingTargets: [PingTarget]
    /// `logfacility`, `logfile`, `debugfile`.
    public var logging: LogSettings
    /// `state_dir`, `control_socket`, `control_socket_group`.
    public var agent: AgentSettings
    /// `pgdata`, `pg_bindir`, `pg_port`, `pg_user`, `pg_conninfo`, `pg_passfile`, `pg_options`.
    public var postgres: PostgresSettings
    /// `monitor_interval`, `restart_limit`, `resource_timeout`.
    public var monitoring: MonitorSettings
    /// `sync_method` and the other sync directives.
    public var sync: SyncSettings
    /// `fence`, `fence_timeout`, `fence_delay`.
    public var fencing: FenceSettings
    /// `cold_start_takeover`: whether a node that never heard its peer may take over on a standby copy.
    public var coldStartTakeover: Bool

    /// The default `udpport`, heartbeat's IANA port.
    public static let defaultUDPPort: UInt16 = 694
    /// The default `baud`.
    public static let defaultBaudRate = 19200

    /// Creates a configuration; every parameter not given has its documented default.
    public init(
        nodes: [String],
        localNode: String,
        peerNode: String,
        timing: HeartbeatTiming = HeartbeatTiming(),
        udpPort: UInt16 = defaultUDPPort,
        media: [HeartbeatMedium],
        ignoredMedia: [HeartbeatMedium] = [],
        baudRate: Int = defaultBaudRate,
        autoFailback: Bool = false,
        pingTargets: [PingTarget] = [],
        logging: LogSettings = LogSettings(),
        agent: AgentSettings = AgentSettings(),
        postgres: PostgresSettings = PostgresSettings(),
        monitoring: MonitorSettings = MonitorSettings(),
        sync: SyncSettings = SyncSettings(),
        fencing: FenceSettings = FenceSettings(),
        coldStartTakeover: Bool = false
    ) {
        self.nodes = nodes
        self.localNode = localNode
        self.peerNode = peerNode
        self.timing = timing
        self.udpPort = udpPort
        self.media = media
        self.ignoredMedia = ignoredMedia
        self.baudRate = baudRate
        self.autoFailback = autoFailback
        self.pingTargets = pingTargets
        self.logging = logging
        self.agent = agent
        self.postgres = postgres
        self.monitoring = monitoring
        self.sync = sync
        self.fencing = fencing
        self.coldStartTakeover = coldStartTakeover
    }

    /// The serial speeds pgpair accepts: the standard Linux termios rates.
    public static let baudRates: [Int] = [
        50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
        460800, 500000, 576000, 921600, 1_000_000, 1_152_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000,
        4_000_000,
    ]
}
