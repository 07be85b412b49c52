import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension PullRound {
    /// The round's transfers.
    var transfer: RsyncTransfer {
        RsyncTransfer(
            rsync: settings.source.rsync, timeout: settings.source.transferTimeout, processes: processes,
            logger: logger)
    }

    /// The sequence of the type's documentation, under the sync lock; throws at the first step that fails.
    func perform(
        round: String, startedAt: Date, progress: inout RsyncRound.Progress, logger: Logger
    ) async throws(SyncError) -> Snapshot {
        let lock = try await SyncLock.waiting(path: settings.lockfile, upTo: settings.lockWait)
        let snapshot: Snapshot
        do {
            snapshot = try await copyAndPublish(round: round, startedAt: startedAt, progress: &progress, logger: logger)
        } catch {
            lock.release()
            throw error
        }
        lock.release()
        return snapshot
    }

    private func copyAndPublish(
        round: String, startedAt: Date, progress: inout RsyncRound.Progress, logger: Logger
    ) async throws(SyncError) -> Snapshot {
        guard let user = getpwnam(settings.owner)?.pointee else {
            throw SyncError(.notConfigured, "pg_user \(settings.owner) is not a user on this node")
        }
        let work = try WorkDirectory(owner: (user.pw_uid, user.pw_gid))
        defer { work.remove() }
        let arguments = self.arguments()
        try await transfer.run(
            arguments.clearStaging(emptyDirectory: try work.subdirectory("empty")), "clearing the pull's staging",
            progress: &progress)

        try await BackupSession.with(conninfo: settings.sessionConninfo) { session throws(SyncError) in
            try await backUp(
                round: round, startedAt: startedAt, session: session, work: work, arguments: arguments,
                progress: &progress, logger: logger)
        }

        let store = SnapshotStore(directory: settings.snapshotDirectory, owner: settings.owner)
        guard let snapshot = try store.publish(stagingPath, keep: settings.keep) else {
            throw SyncError(.invalidSnapshot, "\(stagingPath): the completion marker is missing; not published")
        }
        return snapshot
    }

    /// Steps 2 to 5, inside the libpq session.
    private func backUp(
        round: String, startedAt: Date, session: BackupSession, work: WorkDirectory, arguments: RsyncArguments,
        progress: inout RsyncRound.Progress, logger: Logger
    ) async throws(SyncError) {
        let label = "pgpair \(settings.node) pull \(round)"
        let backup = try await session.backUp(
            label: label, copyData: arguments.copyData(), what: "copying the peer's data directory",
            transfer: transfer, progress: &progress, logger: logger)
        let (start, stop, walFiles) = (backup.start, backup.stop, backup.walFiles)
        try await transfer.run(arguments.fetchWAL(walFiles), "copying the backup's WAL", progress: &progress)

        let extras = try work.subdirectory("extras")
        try work.write(stop.backupLabel, to: "extras/backup_label")
        if !stop.tablespaceMap.isEmpty { try work.write(stop.tablespaceMap, to: "extras/tablespace_map") }
        try await transfer.run(arguments.addFiles(from: extras), "adding backup_label", progress: &progress)

        let marker = SnapshotMarker(
            round: round, node: settings.peer,
            epoch: DataDirectoryEpoch.recorded(stagingPath) ?? settings.fallbackEpoch, label: label,
            startPosition: start.position, stopPosition: stop.position, walFiles: walFiles,
            walSegmentSize: start.segmentSize, startedAt: startedAt, completedAt: Date())
        let markerDirectory = try work.subdirectory("marker")
        try work.write(marker.encoded(), to: "marker/\(SnapshotMarker.fileName)")
        try await transfer.run(
            arguments.addFiles(from: markerDirectory), "adding the completion marker", progress: &progress)
    }

    /// From `rsync_source` into the pull's staging directory; the transfers from the peer get rsync's I/O timeout
    /// (and its connect timeout for a daemon), as the peer-copy fetch does.
    private func arguments() -> RsyncArguments {
        let source = settings.source
        var timeouts = ["--timeout=60"]
        if source.location.hasPrefix("rsync://") || source.location.contains("::") {
            timeouts.append("--contimeout=10")
        }
        return RsyncArguments(
            dataSource: source.location, staging: stagingPath,
            transport: RsyncArguments.transport(passwordFile: source.passwordFile, sshOptions: source.sshOptions),
            extraRsyncOptions: timeouts + settings.extraRsyncOptions, stagingIsRemote: false)
    }
}
