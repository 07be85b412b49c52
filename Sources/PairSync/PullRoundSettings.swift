import PairCore
import PairPostgres

/// What a pull round needs: the peer's export and PostgreSQL, this node's snapshot directory and lock, and who is
/// who.
public struct PullRoundSettings: Sendable, Equatable {
    /// The peer's data directory (`rsync_source`), its transport, and the readiness ping of its PostgreSQL.
    public var source: PeerDataSource
    /// How the round's libpq session reaches the peer's PostgreSQL (``peerConninfo(_:host:port:)``; never with a
    /// password).
    public var conninfo: String
    /// `pg_passfile`, given to libpq as `passfile=`.
    public var passfile: String?
    /// `snapshot_dir` and `pg_user` (the snapshots' owner).
    public var snapshotDirectory: String
    public var owner: String
    /// `snapshot_keep`.
    public var keep: Int
    /// `sync_lockfile`, held for the whole round, and how long to wait for it.
    public var lockfile: String
    public var lockWait: Duration
    /// This node (in the backup's label) and the peer (whose data the snapshot is, in its marker).
    public var node: String
    public var peer: String
    /// The marker's epoch when the copy has no `pgpair_data_epoch` of the peer's; nil: unknown (epoch 0).
    public var fallbackEpoch: UInt64?
    /// Extra rsync options for the transfers from the peer, placed before the excludes.
    public var extraRsyncOptions: [String]
    /// The program that sets rsync's parent-death signal.
    public var setpriv: String

    /// The name of the round's staging directory under `snapshot_dir`: its own, so a push round arriving from the
    /// peer into `staging/` at the same moment can never mix with it.
    public static let stagingName = "pull-staging"

    /// Settings.
    public init(
        source: PeerDataSource, conninfo: String, passfile: String? = nil, snapshotDirectory: String, owner: String,
        keep: Int = SyncSettings.defaultSnapshotKeep, lockfile: String, lockWait: Duration = .seconds(30),
        node: String, peer: String, fallbackEpoch: UInt64? = nil, extraRsyncOptions: [String] = [],
        setpriv: String = "/usr/bin/setpriv"
    ) {
        self.source = source
        self.conninfo = conninfo
        self.passfile = passfile
        self.snapshotDirectory = snapshotDirectory
        self.owner = owner
        self.keep = keep
        self.lockfile = lockfile
        self.lockWait = lockWait
        self.node = node
        self.peer = peer
        self.fallbackEpoch = fallbackEpoch
        self.extraRsyncOptions = extraRsyncOptions
        self.setpriv = setpriv
    }

    /// The settings ha.cf gives: nil unless `sync_method rsync` with `rsync_source` and `snapshot_dir`. The session
    /// uses `pg_conninfo`'s settings (unset: database postgres as `pg_user`) with the host of `rsync_source` and
    /// `pg_port`.
    public init?(configuration: HAConfiguration) {
        let sync = configuration.sync
        guard sync.method == .rsync, let location = sync.rsyncSource, let snapshots = sync.snapshotDirectory,
            let source = PeerDataSource(configuration: configuration)
        else { return nil }
        let postgres = configuration.postgres
        let user = postgres.user.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        self.init(
            source: source,
            conninfo: Self.peerConninfo(
                postgres.conninfo ?? "dbname=postgres user='\(user)'", host: location.host, port: postgres.port),
            passfile: postgres.passfile, snapshotDirectory: snapshots, owner: postgres.user, keep: sync.snapshotKeep,
            lockfile: sync.lockfile, node: configuration.localNode, peer: configuration.peerNode)
    }

    /// `conninfo` (key/value or URI) pointed at `host` and `port`, whatever it says itself: in a key/value string
    /// the last setting of a keyword wins, and in a URI a query parameter overrides the authority's.
    public static func peerConninfo(_ conninfo: String, host: String, port: UInt16) -> String {
        if conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") {
            let encoded = RsyncRoundSettings.percentEncoded(host)
            let separator = conninfo.contains("?") ? "&" : "?"
            return conninfo + separator + "host=\(encoded)&port=\(port)"
        }
        var override = Conninfo()
        override["host"] = host
        override["port"] = "\(port)"
        return conninfo.isEmpty ? override.string : "\(conninfo) \(override.string)"
    }

    /// The session's connection string: ``conninfo`` with `passfile` and a connect timeout.
    var sessionConninfo: String {
        RsyncRoundSettings.sessionConninfo(conninfo, passfile: passfile)
    }
}
