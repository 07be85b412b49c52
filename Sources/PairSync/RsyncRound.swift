import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// One rsync round, run on the active node: the data directory pushed into the standby's staging directory under
/// the backup API, then `backup_label`, the WAL the copy needs, and the completion marker last.
///
/// The sequence (DESIGN.md, "Sync"):
/// 1. remove any marker, `backup_label` or `tablespace_map` an earlier round left in staging;
/// 2. in one libpq session: a temporary physical replication slot reserving WAL, `pg_backup_start(label, fast)`;
/// 3. rsync the data directory into staging, hard-linking unchanged files to `latest` (`--link-dest`), leaving
///    out what PostgreSQL's documentation says to, comparing modification times to the nanosecond
///    (`--modify-window=-1`: a file rewritten within the same second at the same size is copied again);
/// 4. `pg_backup_stop()`; its `backup_label` (and `tablespace_map` when not empty) and the WAL segments from the
///    backup's start to its stop go into staging in one transfer, while the slot still holds them;
/// 5. the completion marker, in a transfer of its own, last; then the session ends (the slot goes with it).
///
/// The standby publishes staging as a snapshot (``SnapshotStore/publishStaging(keep:now:)``). A round that fails
/// or is killed at any step leaves the published snapshots as they were: rsync only ever writes into staging, and
/// into new files (never into a file that may be a hard link to a snapshot's). The caller holds the
/// ``SyncLock``.
public struct RsyncRound: Sendable {
    /// The round's settings.
    public var settings: RsyncRoundSettings
    /// Where the round logs (metadata `sync.round`).
    public var logger: Logger
    var processes: ChildProcess

    /// A round.
    public init(settings: RsyncRoundSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.processes = ChildProcess(setpriv: settings.setpriv)
    }

    /// A new round identifier: the UTC start time and this process's ID, e.g. `20261121T102432Z-4242`.
    public static func newRoundID(now: Date = Date()) -> String {
        let stamp = Snapshot.name(sequence: 0, publishedAt: now).dropFirst(Snapshot.namePrefix.count).prefix(16)
        return "\(stamp)-\(getpid())"
    }

    /// Runs the round; its record says how it ended (a failure is recorded, not thrown).
    public func run(round: String = newRoundID()) async -> SyncRecord {
        let started = Date()
        var progress = Progress()
        var logger = logger
        logger[metadataKey: "sync.round"] = "\(round)"
        do {
            try await perform(round: round, startedAt: started, progress: &progress, logger: logger)
            let record = progress.record(round: round, startedAt: started, error: nil)
            logger.info(
                "sync round complete",
                metadata: [
                    "sync.bytes": "\(record.bytes)", "sync.seconds": "\(Self.seconds(record.durationSeconds))",
                    "sync.result": "succeeded",
                ])
            return record
        } catch {
            let record = progress.record(round: round, startedAt: started, error: error)
            logger.error(
                "sync round failed: \(error.message)",
                metadata: [
                    "sync.bytes": "\(record.bytes)", "sync.seconds": "\(Self.seconds(record.durationSeconds))",
                    "sync.result": "failed",
                ])
            return record
        }
    }

    /// What the round got to, for its record whether it finishes or not.
    struct Progress {
        var statistics = RsyncStatistics()
        var start: WALPosition?
        var stop: WALPosition?

        func record(round: String, startedAt: Date, error: SyncError?) -> SyncRecord {
            SyncRecord(
                method: "rsync", round: round, outcome: error == nil ? .succeeded : .failed,
                errorCode: error?.code.rawValue, message: error?.message, startedAt: startedAt, finishedAt: Date(),
                bytesSent: statistics.bytesSent, bytesReceived: statistics.bytesReceived,
                transferredFileBytes: statistics.transferredFileBytes, startPosition: start, stopPosition: stop)
        }
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
