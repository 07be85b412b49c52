import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension RsyncRound {
    /// The sequence of the type's documentation; throws at the first step that fails.
    func perform(
        round: String, startedAt: Date, progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let owner = try checkDataDirectory()
        let work = try WorkDirectory(owner: owner)
        defer { work.remove() }
        let arguments = RsyncArguments(settings: settings)

        try await transfer(
            arguments.clearStaging(emptyDirectory: try work.subdirectory("empty")), "clearing staging",
            progress: &progress)

        let session = try await BackupSession.open(conninfo: settings.sessionConninfo)
        do {
            try await backUp(
                round: round, startedAt: startedAt, session: session, work: work, arguments: arguments,
                progress: &progress, logger: logger)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// Steps 2 to 5, inside the libpq session.
    private func backUp(
        round: String, startedAt: Date, session: BackupSession, work: WorkDirectory, arguments: RsyncArguments,
        progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let label = "pgpair \(settings.node) \(round)"
        let slot = "pgpair_sync_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let start = try await session.begin(label: label, slot: slot)
        progress.start = start.position
        logger.info("backup started", metadata: ["sync.start_lsn": "\(start.position)", "sync.slot": "\(slot)"])

        try await transfer(
            arguments.copyData(), "copying the data directory", acceptVanishedFiles: true, progress: &progress)

        let stop = try await session.finish()
        progress.stop = stop.position
        let walFiles = try walSegments(from: start, to: stop)
        logger.info(
            "backup stopped", metadata: ["sync.stop_lsn": "\(stop.position)", "sync.wal_segments": "\(walFiles.count)"])

        let extras = try work.subdirectory("extras")
        try work.write(stop.backupLabel, to: "extras/backup_label")
        if !stop.tablespaceMap.isEmpty { try work.write(stop.tablespaceMap, to: "extras/tablespace_map") }
        try linkWAL(walFiles, into: work)
        try await transfer(arguments.addFiles(from: extras), "copying backup_label and the WAL", progress: &progress)

        let marker = SnapshotMarker(
            round: round, node: settings.node, epoch: settings.epoch, label: label, startPosition: start.position,
            stopPosition: stop.position, walFiles: walFiles, walSegmentSize: start.segmentSize,
            startedAt: startedAt, completedAt: Date())
        let markerDirectory = try work.subdirectory("marker")
        try work.write(marker.encoded(), to: "marker/\(SnapshotMarker.fileName)")
        try await transfer(
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

    /// The names of the WAL segments from the backup's start to its stop.
    private func walSegments(from start: BackupSession.Start, to stop: BackupSession.Stop) throws(SyncError)
        -> [String]
    {
        guard let first = WALSegmentName(start.walFile, segmentSize: start.segmentSize),
            let last = WALSegmentName(stop.walFile, segmentSize: start.segmentSize),
            let range = WALSegmentName.range(from: first, through: last)
        else {
            throw SyncError(
                .walMissing,
                "the backup's WAL does not run from \(start.walFile) to \(stop.walFile) on one timeline; run the "
                    + "round again")
        }
        return range.map(\.name)
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

    /// Runs one transfer and adds its figures to the round's.
    private func transfer(
        _ arguments: [String], _ what: String, acceptVanishedFiles: Bool = false, progress: inout Progress
    ) async throws(SyncError) {
        let statistics = try await rsync(arguments, what, acceptVanishedFiles: acceptVanishedFiles)
        progress.statistics = progress.statistics + statistics
    }

    /// Runs rsync; exit status 24 (files vanished while copying: tables dropped, temporary files removed) is
    /// normal for a running cluster's data directory and accepted where `acceptVanishedFiles`.
    private func rsync(
        _ arguments: [String], _ what: String, acceptVanishedFiles: Bool = false
    ) async throws(SyncError) -> RsyncStatistics {
        let outcome = try await processes.run(
            ChildProcess.Command(
                executable: settings.rsync, arguments: arguments, environment: ["LC_ALL": "C"],
                timeout: settings.transferTimeout))
        switch outcome.exitStatus {
        case 0:
            return RsyncStatistics(parsing: outcome.output)
        case 24 where acceptVanishedFiles:
            logger.info("\(what): some files vanished while rsync copied them (normal for a running cluster)")
            return RsyncStatistics(parsing: outcome.output)
        default:
            throw SyncError(.transferFailed, "rsync failed \(what) (\(outcome.summary))")
        }
    }
}
