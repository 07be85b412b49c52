import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// What the push round and the pull round do alike with their session.
extension BackupSession {
    /// A name for a round's temporary physical replication slot, unique on the server.
    private static func temporarySlotName() -> String {
        "pgpair_sync_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Opens a session with `conninfo`, runs `body` in it, and closes it whether `body` returns or throws (the
    /// slot and any backup still running end with it).
    static func with(
        conninfo: String, _ body: (BackupSession) async throws(SyncError) -> Void
    ) async throws(SyncError) {
        let session = try await open(conninfo: conninfo)
        do {
            try await body(session)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// What a round's backup answered: where it started and stopped, and the WAL segments in between.
    struct Backup: Sendable {
        var start: Start
        var stop: Stop
        var walFiles: [String]
    }

    /// Steps 2 to 4 of a round, alike on both sides: a temporary slot and `pg_backup_start(label, fast)`, the
    /// data directory copied with `copyData` (files vanishing meanwhile accepted), `pg_backup_stop()`.
    func backUp(
        label: String, copyData: [String], what: String, transfer: RsyncTransfer,
        progress: inout RsyncRound.Progress, logger: Logger
    ) async throws(SyncError) -> Backup {
        let slot = Self.temporarySlotName()
        let start = try await begin(label: label, slot: slot)
        progress.start = start.position
        logger.info("backup started", metadata: ["sync.start_lsn": "\(start.position)", "sync.slot": "\(slot)"])

        try await transfer.run(copyData, what, acceptVanishedFiles: true, progress: &progress)

        let stop = try await finish()
        progress.stop = stop.position
        let walFiles = try Self.walSegments(from: start, to: stop)
        logger.info(
            "backup stopped", metadata: ["sync.stop_lsn": "\(stop.position)", "sync.wal_segments": "\(walFiles.count)"])
        return Backup(start: start, stop: stop, walFiles: walFiles)
    }

    /// The names of the WAL segments from the backup's start to its stop.
    private static func walSegments(from start: Start, to stop: Stop) throws(SyncError) -> [String] {
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
}
