/// The rsync command lines of a round, as argument arrays (never a shell).
struct RsyncArguments: Sendable {
    /// The data directory the round copies: the active's own (a push round), or `rsync_source` (a pull round).
    let dataSource: String
    /// The staging directory, with a trailing slash: on the standby (a push round), or local (a pull round).
    let staging: String
    /// The transport's options (``transport(passwordFile:sshOptions:)``), for transfers that reach the remote side.
    let transport: [String]
    /// Whether staging is the remote side (a push round); else the data source is (a pull round), and the files
    /// added to staging travel locally, where rsync refuses a daemon's password file.
    let stagingIsRemote: Bool
    /// Extra options for the transfers of data (`--bwlimit=…`, timeouts), placed before the excludes.
    let extraRsyncOptions: [String]

    /// A push round's: the data directory into staging under `settings.destination`.
    init(settings: RsyncRoundSettings) {
        let destination = settings.destination
        let separator = destination.hasSuffix("/") ? "" : "/"
        self.init(
            dataSource: settings.dataDirectory, staging: destination + separator + SnapshotStore.stagingName + "/",
            transport: Self.transport(passwordFile: settings.rsyncPasswordFile, sshOptions: settings.sshOptions),
            extraRsyncOptions: settings.extraRsyncOptions, stagingIsRemote: true)
    }

    /// Arguments from `dataSource` into the directory `staging`.
    init(
        dataSource: String, staging: String, transport: [String], extraRsyncOptions: [String], stagingIsRemote: Bool
    ) {
        self.stagingIsRemote = stagingIsRemote
        self.dataSource = dataSource.hasSuffix("/") ? String(dataSource.dropLast()) : dataSource
        self.staging = staging.hasSuffix("/") ? staging : staging + "/"
        self.transport = transport
        self.extraRsyncOptions = extraRsyncOptions
    }

    /// What PostgreSQL's documentation says to leave out of a base backup (DESIGN.md's list), anchored at the data
    /// directory's top where the name is a top-level one; plus pgpair's own marker, which only the last transfer
    /// of a round may bring.
    static let excludes = [
        "/postmaster.pid", "/postmaster.opts",
        "/pg_wal/*", "/pg_replslot/*", "/pg_dynshmem/*", "/pg_notify/*", "/pg_serial/*", "/pg_snapshots/*",
        "/pg_stat_tmp/*", "/pg_subtrans/*",
        "pgsql_tmp*", "pg_internal.init",
        "/" + SnapshotMarker.fileName,
    ]

    /// The files a round removes from the staging directory before anything else, so a marker or label left by an
    /// earlier round can never sit beside this round's partial copy.
    static let clearedFirst = ["/" + SnapshotMarker.fileName, "/backup_label", "/tablespace_map"]

    /// Options every transfer shares: parseable statistics, and the transport's (password file or remote shell)
    /// when it reaches the remote side.
    private func common(remote: Bool) -> [String] {
        ["--stats", "--no-human-readable"] + (remote ? transport : [])
    }

    /// The transport's options: the daemon password file (the password itself is never an argument), and the
    /// remote shell with `rsync_ssh_options`.
    static func transport(passwordFile: String?, sshOptions: [String]) -> [String] {
        var options: [String] = []
        if let passwordFile { options.append("--password-file=\(passwordFile)") }
        if !sshOptions.isEmpty {
            options += ["-e", (["ssh"] + sshOptions).map(remoteShellWord).joined(separator: " ")]
        }
        return options
    }

    /// Removes `clearedFirst` from staging (creating staging when missing) by syncing an empty directory with
    /// everything else excluded.
    func clearStaging(emptyDirectory: String) -> [String] {
        let filters = Self.clearedFirst.map { "--include=\($0)" } + ["--exclude=*"]
        return ["-r", "--delete"] + common(remote: stagingIsRemote) + filters + [emptyDirectory + "/", staging]
    }

    /// The data directory into staging: hard links to the newest snapshot (`latest`) for unchanged files,
    /// modification times compared to the nanosecond, nothing left in staging that the source does not have.
    func copyData() -> [String] {
        var arguments = ["-a", "--delete", "--delete-excluded", "--modify-window=-1"]
        arguments.append("--link-dest=../\(SnapshotStore.latestName)/")
        arguments += common(remote: true)
        arguments += extraRsyncOptions
        arguments += Self.excludes.map { "--exclude=\($0)" }
        return arguments + [dataSource + "/", staging]
    }

    /// Adds files (backup_label, the WAL, the marker) from a local directory to staging, following symbolic links
    /// (the WAL segments are links into the data directory's pg_wal), deleting nothing.
    func addFiles(from directory: String) -> [String] {
        let options = ["-a", "--copy-links", "--modify-window=-1"] + common(remote: stagingIsRemote)
        return options + (stagingIsRemote ? extraRsyncOptions : []) + [directory + "/", staging]
    }

    /// A pull round's WAL: the segments `names` (each whole) and the timeline history files from `dataSource`'s
    /// `pg_wal/` into staging's, with `archive_status/` (empty, as rsync brings directories with their owner).
    func fetchWAL(_ names: [String]) -> [String] {
        let filters =
            names.map { "--include=/\($0)" } + ["--include=/*.history", "--include=/archive_status/"]
            + ["--exclude=/archive_status/*", "--exclude=*"]
        let options = ["-a", "--modify-window=-1"] + common(remote: true) + extraRsyncOptions
        return options + filters + [dataSource + "/pg_wal/", staging + "pg_wal/"]
    }

    /// A word of rsync's `-e` string, which rsync splits on spaces honouring single quotes.
    private static func remoteShellWord(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=@:,+%".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
