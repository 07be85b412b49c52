import PairCore

/// What an rsync round needs: where the data is, how to reach PostgreSQL and the standby, and who this node is.
public struct RsyncRoundSettings: Sendable, Equatable {
    /// The active's data directory (`pgdata`).
    public var dataDirectory: String
    /// The standby's snapshot directory as an rsync destination: `rsync_target` (a daemon module or `HOST:PATH`),
    /// or a local path. The round writes into its `staging/` and links against its `latest/`.
    public var destination: String
    /// How the round's libpq session connects (`pg_conninfo`, never with a password).
    public var conninfo: String
    /// `pg_passfile`, given to libpq as `passfile=`.
    public var passfile: String?
    /// `rsync_password_file`, given to rsync as `--password-file` (daemon destinations only).
    public var rsyncPasswordFile: String?
    /// `rsync_ssh_options`: the remote shell's arguments after `ssh`, for `HOST:PATH` destinations.
    public var sshOptions: [String]
    /// Extra rsync options (e.g. `--bwlimit=…`), placed before the excludes.
    public var extraRsyncOptions: [String]
    /// This node, and its data epoch when known: recorded in the snapshot's marker.
    public var node: String
    public var epoch: UInt64?
    /// The programs.
    public var rsync: String
    public var setpriv: String
    /// The longest one rsync transfer may take before it is killed and the round fails.
    public var transferTimeout: Duration

    /// Settings.
    public init(
        dataDirectory: String, destination: String, conninfo: String, passfile: String? = nil,
        rsyncPasswordFile: String? = nil, sshOptions: [String] = [], extraRsyncOptions: [String] = [],
        node: String, epoch: UInt64? = nil, rsync: String = "/usr/bin/rsync", setpriv: String = "/usr/bin/setpriv",
        transferTimeout: Duration = .seconds(6 * 3600)
    ) {
        self.dataDirectory = dataDirectory
        self.destination = destination
        self.conninfo = conninfo
        self.passfile = passfile
        self.rsyncPasswordFile = rsyncPasswordFile
        self.sshOptions = sshOptions
        self.extraRsyncOptions = extraRsyncOptions
        self.node = node
        self.epoch = epoch
        self.rsync = rsync
        self.setpriv = setpriv
        self.transferTimeout = transferTimeout
    }

    /// The settings ha.cf gives for `sync_method rsync` on this node; nil when `pgdata` or `rsync_target` is
    /// missing. `pg_conninfo` unset means the default socket, `pg_port`, as `pg_user`.
    public init?(configuration: HAConfiguration, epoch: UInt64?) {
        let postgres = configuration.postgres
        guard let dataDirectory = postgres.dataDirectory, let target = configuration.sync.rsyncTarget else {
            return nil
        }
        let user = postgres.user.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        self.init(
            dataDirectory: dataDirectory, destination: target.written,
            conninfo: postgres.conninfo ?? "port=\(postgres.port) dbname=postgres user='\(user)'",
            passfile: postgres.passfile,
            rsyncPasswordFile: target.transport == .daemon ? configuration.sync.rsyncPasswordFile : nil,
            sshOptions: target.transport == .remoteShell ? configuration.sync.rsyncSSHOptions : [],
            node: configuration.localNode, epoch: epoch)
    }

    /// `conninfo` with `passfile` and a connect timeout added where it does not set them itself.
    var sessionConninfo: String {
        Self.sessionConninfo(conninfo, passfile: passfile)
    }

    /// `conninfo` (key/value or URI) with `passfile` and a connect timeout added where it does not set them itself.
    static func sessionConninfo(_ conninfo: String, passfile: String?) -> String {
        var defaults = ["connect_timeout": "10"]
        if let passfile { defaults["passfile"] = passfile }
        let keys = defaults.keys.sorted()
        if conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") {
            let query = conninfo.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
            let present = Set(query.split(separator: "&").map { String($0.prefix { $0 != "=" }) })
            let added = keys.filter { !present.contains($0) }.map { "\($0)=\(Self.percentEncoded(defaults[$0]!))" }
            guard !added.isEmpty else { return conninfo }
            let separator = conninfo.contains("?") ? "&" : "?"
            return conninfo + separator + added.joined(separator: "&")
        }
        // In a key=value string the last setting of a keyword wins, so the defaults go first.
        let prefix = keys.map { "\($0)='\(Self.quoted(defaults[$0]!))'" }.joined(separator: " ")
        return conninfo.isEmpty ? prefix : "\(prefix) \(conninfo)"
    }

    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// `value` as a URI query value: letters, digits and `-._~/` kept, every other byte percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        value.utf8.map { byte in
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
                return String(character)
            }
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }
}
