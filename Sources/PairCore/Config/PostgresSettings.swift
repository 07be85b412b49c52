/// How pgpair runs and reaches the local PostgreSQL cluster.
public struct PostgresSettings: Sendable, Equatable {
    /// `pgdata`: the data directory; a `pgsql::PGDATA` resource argument overrides it.
    public var dataDirectory: String?
    /// `pg_bindir`: where `pg_ctl`, `initdb`, `pg_dumpall`, … are; nil to search `PATH`.
    public var binDirectory: String?
    /// `pg_port`: the server's port.
    public var port: UInt16
    /// `pg_user`: the operating-system user that runs PostgreSQL.
    public var user: String
    /// `pg_conninfo`: how pgpair's own sessions connect (never with a password in it); nil for the local socket.
    public var conninfo: String?
    /// `pg_passfile`: a libpq password file for pgpair's sessions.
    public var passfile: String?
    /// `pg_options`: node-specific server options passed at start, as separate arguments.
    public var serverOptions: [String]

    /// The default `pg_port`.
    public static let defaultPort: UInt16 = 5432
    /// The default `pg_user`.
    public static let defaultUser = "postgres"

    /// Creates PostgreSQL settings.
    public init(
        dataDirectory: String? = nil,
        binDirectory: String? = nil,
        port: UInt16 = defaultPort,
        user: String = defaultUser,
        conninfo: String? = nil,
        passfile: String? = nil,
        serverOptions: [String] = []
    ) {
        self.dataDirectory = dataDirectory
        self.binDirectory = binDirectory
        self.port = port
        self.user = user
        self.conninfo = conninfo
        self.passfile = passfile
        self.serverOptions = serverOptions
    }
}
