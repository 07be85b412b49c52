import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension RsyncRound {
    /// The round's transfers.
    var transfer: RsyncTransfer {
        RsyncTransfer(rsync: settings.rsync, timeout: settings.transferTimeout, processes: processes, logger: logger)
    }

    /// The sequence of the type's documentation; throws at the first step that fails.
    func perform(
        round: String, startedAt: Date, progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let owner = try checkDataDirectory()
        let work = try WorkDirectory(owner: owner)
        defer { work.remove() }
        let arguments = RsyncArguments(settings: settings)

        try await transfer.run(
            arguments.clearStaging(emptyDirectory: try work.subdirectory("empty")), "clearing staging",
            progress: &progress)

        try await BackupSession.with(conninfo: settings.sessionConninfo) { session throws(SyncError) in
            try await backUp(
                round: round, startedAt: startedAt, session: session, work: work, arguments: arguments,
                progress: &progress, logger: logger)
        }
    }

    /// Steps 2 to 5, inside the libpq session.
    private func backUp(
        round: String, startedAt: Date, session: BackupSession, work: WorkDirectory, arguments: RsyncArguments,
        progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let label = "pgpair \(settings.node) \(round)"
        let backup = try await session.backUp(
            label: label, copyData: arguments.copyData(), what: "copying the data directory", transfer: transfer,
            progress: &progress, logger: logger)
        let (start, stop, walFiles) = (backup.start, backup.stop, backup.walFiles)

        let extras = try work.subdirectory("extras")
        try work.write(stop.backupLabel, to: "extras/backup_label")
        if !stop.tablespaceMap.isEmpty { try work.write(stop.tablespaceMap, to: "extras/tablespace_map") }
        try linkWAL(walFiles, into: work)
        try await transfer.run(
            arguments.addFiles(from: extras), "copying backup_label and the WAL", progress: &progress)

        let marker = SnapshotMarker(
            round: round, node: settings.node, epoch: settings.epoch, label: label, startPosition: start.position,
            stopPosition: stop.position, walFiles: walFiles, walSegmentSize: start.segmentSize,
            startedAt: startedAt, completedAt: Date())
        let markerDirectory = try work.subdirectory("marker")
        try work.write(marker.encoded(), to: "marker/\(SnapshotMarker.fileName)")
        try await transfer.run(
            arguments.addFiles(from: markerDirectory), "sending the completion marker", progress: &progress)
    }

    /// The data directory's owner; refuses layouts a round cannot copy yet.
    private func checkDataDirectory() throws(SyncError) -> (uid: uid_t, gid: gid_t) {
        let directory = settings.dataDirectory
        var status = stat()
        guard stat(directory, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw SyncError(.notConfigured, "pgdata \(directory) is not a directory on this node")
        }
        var wal = stat()
        if lstat("\(directory)/pg_wal", &wal) == 0, (wal.st_mode & S_IFMT) == S_IFLNK {
            throw SyncError(
                .notConfigured,
                "\(directory)/pg_wal is a symbolic link; rsync rounds do not copy a WAL directory kept elsewhere yet")
        }
        let tablespaces = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/pg_tblspc")) ?? []
        guard tablespaces.isEmpty else {
            throw SyncError(
                .notConfigured,
                "the cluster has tablespaces outside pgdata (pg_tblspc: \(tablespaces.sorted().joined(separator: ", "))); "
                    + "rsync rounds do not copy them yet")
        }
        return (status.st_uid, status.st_gid)
    }

    /// Links every segment of `walFiles` (each whole) and the timeline history files into `extras/pg_wal`.
    private func linkWAL(_ walFiles: [String], into work: WorkDirectory) throws(SyncError) {
        let source = "\(settings.dataDirectory)/pg_wal"
        let target = try work.subdirectory("extras/pg_wal")
        _ = try work.subdirectory("extras/pg_wal/archive_status")
        let segmentSize = try walSegmentSize(walFiles.first.map { "\(source)/\($0)" })
        for name in walFiles {
            var status = stat()
            guard stat("\(source)/\(name)", &status) == 0, Int64(status.st_size) == segmentSize else {
                throw SyncError(
                    .walMissing,
                    "WAL segment \(name) is missing or not whole in \(source), although the round's slot held it")
            }
            try work.link("\(source)/\(name)", at: "\(target)/\(name)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
        for name in names where name.hasSuffix(".history") {
            try work.link("\(source)/\(name)", at: "\(target)/\(name)")
        }
    }

    private func walSegmentSize(_ path: String?) throws(SyncError) -> Int64 {
        var status = stat()
        guard let path, stat(path, &status) == 0 else {
            throw SyncError(.walMissing, "the backup's first WAL segment \(path ?? "") is missing")
        }
        return Int64(status.st_size)
    }
}
