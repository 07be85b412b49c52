/// The rsync command lines of a round, as argument arrays (never a shell).
struct RsyncArguments: Sendable {
    let settings: RsyncRoundSettings

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

    /// The staging directory at the destination, with a trailing slash.
    var staging: String {
        let destination = settings.destination
        let separator = destination.hasSuffix("/") ? "" : "/"
        return destination + separator + SnapshotStore.stagingName + "/"
    }

    /// Options every transfer shares: the transport's (password file or remote shell) and parseable statistics.
    private var common: [String] {
        ["--stats", "--no-human-readable"]
            + Self.transport(passwordFile: settings.rsyncPasswordFile, sshOptions: settings.sshOptions)
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
        return ["-r", "--delete"] + common + filters + [emptyDirectory + "/", staging]
    }

    /// The data directory into staging: hard links to the newest snapshot (`latest`) for unchanged files,
    /// modification times compared to the nanosecond, nothing left in staging that the source does not have.
    func copyData() -> [String] {
        var arguments = ["-a", "--delete", "--delete-excluded", "--modify-window=-1"]
        arguments.append("--link-dest=../\(SnapshotStore.latestName)/")
        arguments += common
        arguments += settings.extraRsyncOptions
        arguments += Self.excludes.map { "--exclude=\($0)" }
        return arguments + [settings.dataDirectory + "/", staging]
    }

    /// Adds files (backup_label, the WAL, the marker) from a local directory to staging, following symbolic links
    /// (the WAL segments are links into the data directory's pg_wal), deleting nothing.
    func addFiles(from directory: String) -> [String] {
        let options = ["-a", "--copy-links", "--modify-window=-1"] + common
        return options + settings.extraRsyncOptions + [directory + "/", staging]
    }

    /// A word of rsync's `-e` string, which rsync splits on spaces honouring single quotes.
    private static func remoteShellWord(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=@:,+%".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
