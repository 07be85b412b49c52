import PairCore
import PairPostgres

/// How an install reaches the peer's data directory: the peer's read-only export of it (`rsync_source`, the
/// `pgpair-data` module of `etc/rsyncd.conf`), and the peer's PostgreSQL for the readiness ping that tells a running
/// cluster from a stopped one.
///
/// The ping goes to the host of `rsync_source` (the peer's address on the link the copies travel) at `pg_port`
/// (both nodes share one ha.cf). It is libpq's `PQping`: no login, no password, nothing run. A peer whose server
/// does not listen on that address looks stopped to the ping; its copy is still never used, since only a copy
/// whose control file says it was shut down cleanly counts (see ``PeerCopyFetch``).
public struct PeerDataSource: Sendable, Equatable {
    /// `rsync_source` as written: `HOST::MODULE`, `rsync://HOST[:PORT]/MODULE`, or `[USER@]HOST:PATH` over ssh.
    public var location: String
    /// `rsync_password_file`, for a daemon module (the password is never an argument).
    public var passwordFile: String?
    /// `rsync_ssh_options`, for a location reached through ssh.
    public var sshOptions: [String]
    /// The libpq connection string of the readiness ping (host, port, `connect_timeout`).
    public var pingConninfo: String
    /// The rsync program.
    public var rsync: String
    /// How long the copy may take as a whole.
    public var transferTimeout: Duration

    /// libpq's `connect_timeout` for the ping, in seconds: a peer that released its group by handshake answers at
    /// once; a peer that cannot be reached costs this much before the install goes on without its copy.
    public static let pingConnectTimeoutSeconds = 3

    /// A source.
    public init(
        location: String, passwordFile: String?, sshOptions: [String], pingHost: String, pingPort: UInt16,
        rsync: String = "/usr/bin/rsync", transferTimeout: Duration = .seconds(6 * 3600)
    ) {
        self.location = location
        self.passwordFile = passwordFile
        self.sshOptions = sshOptions
        var conninfo = Conninfo()
        conninfo["host"] = pingHost
        conninfo["port"] = "\(pingPort)"
        conninfo["connect_timeout"] = "\(Self.pingConnectTimeoutSeconds)"
        self.pingConninfo = conninfo.string
        self.rsync = rsync
        self.transferTimeout = transferTimeout
    }

    /// The source ha.cf describes; nil without `rsync_source`, or with `sync_method pg_dumpall`, where check-config
    /// says rsync_source has no effect (the peer's copy is then never a candidate).
    public init?(configuration: HAConfiguration) {
        guard let source = configuration.sync.rsyncSource, configuration.sync.method != .pgDumpall else { return nil }
        self.init(
            location: source.written, passwordFile: configuration.sync.rsyncPasswordFile,
            sshOptions: configuration.sync.rsyncSSHOptions, pingHost: source.host,
            pingPort: configuration.postgres.port)
    }
}
