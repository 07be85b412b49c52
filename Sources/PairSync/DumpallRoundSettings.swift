import PairCore

/// What a pg_dumpall round needs: the source to dump, where the standby keeps its snapshots, and how to run
/// PostgreSQL's programs on this node.
public struct DumpallRoundSettings: Sendable, Equatable {
    /// `dumpall_source`: the libpq conninfo of the peer's cluster (`{peer}` already substituted; never with a
    /// password). Its role must be a superuser, as pg_dumpall needs to read every role and database.
    public var source: String
    /// `pg_passfile`, given to the children as `PGPASSFILE` and to the round's own libpq session as `passfile=`. The
    /// dump runs as `pg_user`, so the file must be readable by `pg_user` (and mode 0600, or libpq ignores it).
    public var passfile: String?
    /// `snapshot_dir`: the round's staging cluster is made inside it, so publishing it is a rename.
    public var snapshotDirectory: String
    /// `snapshot_keep`: how many complete snapshots publishing keeps.
    public var keep: Int
    /// `pg_user`: runs the dump, the staging cluster and the restore, and owns the snapshot.
    public var user: String
    /// `pg_bindir`: where `pg_dumpall`, `initdb`, `pg_ctl` and `psql` are; nil to search `PATH`.
    public var binDirectory: String?
    /// The node whose data it is (the peer: the standby pulls from the active), and its data epoch when known;
    /// recorded in the snapshot's marker.
    public var node: String
    public var epoch: UInt64?
    /// How the staging cluster is made. The dump recreates every database with its own encoding and locale, but
    /// `postgres` and `template1` keep the ones initdb gives them, so these should match the source's cluster.
    public var initdbOptions: [String]
    /// The staging cluster's port: only the name of its socket in the round's private directory (no TCP).
    public var stagingPort: UInt16
    /// setpriv: the parent-death signal, and the switch to `pg_user` when pgpair runs as root.
    public var setpriv: String
    /// The longest one step (the dump, initdb, a start or stop, the restore) may take before it is killed.
    public var stepTimeout: Duration

    /// initdb's options unless told otherwise: UTF-8 in the `C.UTF-8` locale (present on every Debian system),
    /// peer authentication on the socket and SCRAM over TCP, as Debian's own clusters have.
    public static let defaultInitdbOptions = [
        "--locale=C.UTF-8", "--encoding=UTF8", "--auth-local=peer", "--auth-host=scram-sha-256",
    ]

    /// Settings.
    public init(
        source: String, passfile: String? = nil, snapshotDirectory: String,
        keep: Int = SyncSettings.defaultSnapshotKeep,
        user: String = PostgresSettings.defaultUser, binDirectory: String? = nil, node: String, epoch: UInt64? = nil,
        initdbOptions: [String] = defaultInitdbOptions, stagingPort: UInt16 = PostgresSettings.defaultPort,
        setpriv: String = "/usr/bin/setpriv", stepTimeout: Duration = .seconds(6 * 3600)
    ) {
        self.source = source
        self.passfile = passfile
        self.snapshotDirectory = snapshotDirectory
        self.keep = keep
        self.user = user
        self.binDirectory = binDirectory
        self.node = node
        self.epoch = epoch
        self.initdbOptions = initdbOptions
        self.stagingPort = stagingPort
        self.setpriv = setpriv
        self.stepTimeout = stepTimeout
    }

    /// The settings ha.cf gives for `sync_method pg_dumpall` on this node (the standby); nil when `dumpall_source`
    /// or `snapshot_dir` is missing. `epoch` is the peer's data epoch, when known.
    public init?(configuration: HAConfiguration, epoch: UInt64?) {
        guard let source = configuration.sync.dumpallSource, let directory = configuration.sync.snapshotDirectory
        else { return nil }
        self.init(
            source: source, passfile: configuration.postgres.passfile, snapshotDirectory: directory,
            keep: configuration.sync.snapshotKeep, user: configuration.postgres.user,
            binDirectory: configuration.postgres.binDirectory, node: configuration.peerNode, epoch: epoch)
    }

    /// The path of one of PostgreSQL's programs.
    func program(_ name: String) -> String {
        binDirectory.map { "\($0)/\(name)" } ?? name
    }

    /// `source` with `passfile` and a connect timeout added where it does not set them itself, for the round's own
    /// libpq session: the same defaults as the rsync round's session.
    var sessionConninfo: String {
        RsyncRoundSettings(dataDirectory: "", destination: "", conninfo: source, passfile: passfile, node: node)
            .sessionConninfo
    }
}
