extension HAConfigParser {
    /// The directives that only matter to rsync, or to pg_dumpall.
    static let rsyncOnlyDirectives = ["rsync_target", "rsync_source", "rsync_password_file", "rsync_ssh_options"]

    /// Handles the sync directives; false when `line` is not one of them.
    mutating func handleSyncDirective(_ line: ConfigLine) -> Bool {
        switch line.directive.text {
        case "sync_method":
            handleSyncMethod(line)
        case "rsync_target":
            if let location = rsyncLocation(line) { configuration.sync.rsyncTarget = location }
        case "rsync_source":
            if let location = rsyncLocation(line) { configuration.sync.rsyncSource = location }
        case "rsync_password_file":
            if let path = absolutePath(line) { configuration.sync.rsyncPasswordFile = path }
        case "rsync_ssh_options":
            if let words = argumentWords(line) { configuration.sync.rsyncSSHOptions = words }
        case "dumpall_source":
            if let conninfo = conninfo(line) { configuration.sync.dumpallSource = conninfo }
        case "snapshot_dir":
            if let path = absolutePath(line) { configuration.sync.snapshotDirectory = path }
        case "snapshot_keep":
            if let keep = integer(line, in: 1...100) { configuration.sync.snapshotKeep = keep }
        case "sync_lockfile":
            if let path = absolutePath(line) { configuration.sync.lockfile = path }
        case "sync_interval":
            if let value = duration(line, allowZero: true) { configuration.sync.interval = value }
        default:
            return false
        }
        return true
    }

    private mutating func handleSyncMethod(_ line: ConfigLine) {
        guard let token = singleValue(line) else { return }
        guard let method = SyncSettings.Method(rawValue: token.text) else {
            diagnostics.error(
                "`sync_method \(token.text)` is not a sync method; write `sync_method rsync` or "
                    + "`sync_method pg_dumpall`", line: line.number)
            return
        }
        configuration.sync.method = method
    }

    private mutating func rsyncLocation(_ line: ConfigLine) -> RsyncLocation? {
        guard let token = singleValue(line) else { return nil }
        let name = line.directive.text
        do {
            return try RsyncLocation.parse(token.text)
        } catch .localPath {
            diagnostics.error(
                "`\(name)` must name the peer, not a local path; \(HADirectiveExamples.hint(name)) (rsync daemon) "
                    + "or `\(name) postgres@pollux:/var/lib/pgpair/incoming` (ssh)", line: line.number)
        } catch .password {
            diagnostics.error(
                "`\(name)` must not contain a password; put it in the file named by `rsync_password_file`",
                line: line.number)
        } catch {
            diagnostics.error(
                "`\(name)` is not an rsync location; write HOST::MODULE[/PATH], rsync://HOST[:PORT]/MODULE[/PATH] "
                    + "or [USER@]HOST:PATH, \(HADirectiveExamples.hint(name))", line: line.number)
        }
        return nil
    }

    /// What each sync method needs, and warnings for settings that have no effect.
    mutating func finishSync() {
        let sync = configuration.sync
        let methodLine = firstLine["sync_method"]
        guard let method = sync.method else {
            let unused =
                ["snapshot_dir", "snapshot_keep", "sync_interval", "dumpall_source"]
                + Self.rsyncOnlyDirectives
            for name in unused {
                if let line = firstLine[name] {
                    diagnostics.warning(
                        "`\(name)` has no effect without `sync_method`; add `sync_method rsync` or "
                            + "`sync_method pg_dumpall`", line: line)
                }
            }
            return
        }
        // A directive that is written but wrong already has its own error; "needs X" is only for a missing one.
        if firstLine["snapshot_dir"] == nil {
            diagnostics.error(
                "`sync_method \(method.rawValue)` needs `snapshot_dir`, on the same file system as pgdata so a "
                    + "snapshot can be moved into place, e.g. `snapshot_dir /var/lib/postgresql/pgpair-snapshots`",
                line: methodLine)
        }
        switch method {
        case .rsync:
            finishRsync(methodLine: methodLine)
        case .pgDumpall:
            if firstLine["dumpall_source"] == nil {
                diagnostics.error(
                    "`sync_method pg_dumpall` needs `dumpall_source`, the peer's conninfo, "
                        + HADirectiveExamples.hint("dumpall_source"), line: methodLine)
            }
            for name in Self.rsyncOnlyDirectives {
                if let line = firstLine[name] {
                    diagnostics.warning("`\(name)` has no effect with `sync_method pg_dumpall`", line: line)
                }
            }
        }
        checkSnapshotPlacement()
    }

    private mutating func finishRsync(methodLine: Int?) {
        let sync = configuration.sync
        if firstLine["rsync_target"] == nil {
            diagnostics.error(
                "`sync_method rsync` needs `rsync_target`, where the active node pushes its copy, "
                    + HADirectiveExamples.hint("rsync_target"), line: methodLine)
        }
        if let line = firstLine["dumpall_source"] {
            diagnostics.warning("`dumpall_source` has no effect with `sync_method rsync`", line: line)
        }
        let transports = [sync.rsyncTarget, sync.rsyncSource].compactMap { $0?.transport }
        if let line = firstLine["rsync_ssh_options"], !transports.isEmpty, !transports.contains(.remoteShell) {
            diagnostics.warning(
                "`rsync_ssh_options` has no effect: rsync_target and rsync_source name rsync daemon modules, "
                    + "not ssh paths", line: line)
        }
        if let line = firstLine["rsync_password_file"], !transports.isEmpty, !transports.contains(.daemon) {
            diagnostics.warning(
                "`rsync_password_file` has no effect: rsync_target and rsync_source are ssh paths, not rsync "
                    + "daemon modules", line: line)
        }
    }

    private mutating func checkSnapshotPlacement() {
        guard let snapshots = configuration.sync.snapshotDirectory,
            let pgdata = configuration.postgres.dataDirectory
        else { return }
        if Self.path(snapshots, isWithin: pgdata) || Self.path(pgdata, isWithin: snapshots) {
            diagnostics.error(
                "`snapshot_dir \(snapshots)` and `pgdata \(pgdata)` must not contain one another; put the "
                    + "snapshots beside the data directory, e.g. `snapshot_dir /var/lib/postgresql/pgpair-snapshots`",
                line: firstLine["snapshot_dir"])
        }
    }

    /// True when `path` is `directory` or lies inside it.
    static func path(_ path: String, isWithin directory: String) -> Bool {
        let trimmedPath = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let trimmedDirectory =
            directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        return trimmedDirectory == "/" || trimmedPath == trimmedDirectory
            || trimmedPath.hasPrefix(trimmedDirectory + "/")
    }
}
