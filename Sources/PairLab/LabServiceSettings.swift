import PairCore

/// The service the lab's agents run: the haresources group (the service address on the LAN interface, PostgreSQL,
/// and optionally the lab's order-recording script around it) and the ha.cf settings for PostgreSQL, monitoring and
/// takeover.
///
/// Each node's PostgreSQL is its own cluster in the node's `pgdata`; its node-specific settings — `cluster_name`
/// (the node's name, how a client tells the nodes apart), `listen_addresses` and the socket directory — go in
/// `pg_options`, on the server's command line, never in postgresql.conf, which travels with every copy.
public struct LabServiceSettings: Sendable, Hashable {
    /// Whether the group holds the lab's order script (`LabOrderScript`) before and after `pgsql`:
    /// `castor ADDRESS order::first pgsql order::last`.
    public var recordsOrder: Bool
    /// Whether the group runs the service at all. Without it the group is the order script alone
    /// (`castor order::first`): a harmless group for labs that test the heartbeat and have no cluster.
    public var runsPostgres: Bool
    /// ha.cf's `monitor_interval`.
    public var monitorInterval: Duration
    /// ha.cf's `restart_limit`.
    public var restartLimit: Int
    /// ha.cf's `resource_timeout`.
    public var resourceTimeout: Duration
    /// ha.cf's `auto_failback`.
    public var autoFailback: Bool
    /// ha.cf's `cold_start_takeover`.
    public var coldStartTakeover: Bool
    /// The sync between the nodes (`sync_method rsync` and its settings); nil: no sync.
    public var sync: LabSyncSettings?

    public init(
        recordsOrder: Bool = false,
        runsPostgres: Bool = true,
        monitorInterval: Duration = .milliseconds(500),
        restartLimit: Int = 3,
        resourceTimeout: Duration = .seconds(60),
        autoFailback: Bool = false,
        coldStartTakeover: Bool = false,
        sync: LabSyncSettings? = nil
    ) {
        self.recordsOrder = recordsOrder
        self.runsPostgres = runsPostgres
        self.monitorInterval = monitorInterval
        self.restartLimit = restartLimit
        self.resourceTimeout = resourceTimeout
        self.autoFailback = autoFailback
        self.coldStartTakeover = coldStartTakeover
        self.sync = sync
    }

    /// The group's resources as haresources writes them after the home node, e.g.
    /// `198.18.0.100/24/lan0 order::first pgsql order::last`.
    public func resourceWords(topology: LabTopology) -> [String] {
        guard runsPostgres else { return ["\(LabOrderScript.name)::\(LabOrderScript.first)"] }
        let address = "\(topology.serviceAddress.cidr)/\(topology.lanInterface)"
        guard recordsOrder else { return [address, "pgsql"] }
        return [
            address, "\(LabOrderScript.name)::\(LabOrderScript.first)", "pgsql",
            "\(LabOrderScript.name)::\(LabOrderScript.last)",
        ]
    }

    /// Whether the group holds the order script, which the lab then writes into `resource.d`.
    public var usesOrderScript: Bool {
        recordsOrder || !runsPostgres
    }

    /// The settings of a group that is the order script alone, for labs without a cluster.
    public static let scriptOnly = LabServiceSettings(runsPostgres: false)

    /// The group's name in `status`: its first resource as written.
    public func groupName(topology: LabTopology) -> String {
        resourceWords(topology: topology)[0]
    }

    /// The `pg_options` of `node`: its `cluster_name`, every address of its namespace (the service address
    /// included, whenever it comes), and its own socket directory.
    public func postgresOptions(for node: LabNode, paths: LabPaths) -> String {
        "-c cluster_name=\(node.name) -c listen_addresses=* "
            + "-c unix_socket_directories=\(paths.node(node).postgresSocketDirectory)"
    }

    /// The ha.cf lines for PostgreSQL, monitoring, takeover and (when set) the sync of `node`.
    public func haCFLines(for node: LabNode, topology: LabTopology, paths: LabPaths, executables: LabExecutables)
        -> [String]
    {
        let nodePaths = paths.node(node)
        return [
            "pgdata \(nodePaths.pgdata)",
            "pg_bindir \(executables.postgresBinDirectory)",
            "pg_port \(topology.postgresPort)",
            "pg_user postgres",
            "pg_conninfo host=\(nodePaths.postgresSocketDirectory) dbname=postgres user=postgres",
            "pg_options \(postgresOptions(for: node, paths: paths))",
            "monitor_interval \(monitorInterval.wholeMilliseconds)ms",
            "restart_limit \(restartLimit)",
            "resource_timeout \(resourceTimeout.wholeMilliseconds)ms",
            "auto_failback \(autoFailback ? "on" : "off")",
            "cold_start_takeover \(coldStartTakeover ? "yes" : "no")",
        ] + (sync?.haCFLines(for: node, topology: topology, paths: paths) ?? [])
    }
}
