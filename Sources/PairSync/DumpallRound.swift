import Foundation
import Logging

/// One pg_dumpall round, run on the standby: the peer's cluster dumped to a file, the dump restored into a freshly
/// initdb'd staging cluster on a private socket, that cluster stopped cleanly and published as a snapshot.
///
/// The sequence (DESIGN.md, "Sync"):
/// 1. stop and remove what a killed earlier round left (`snapshot_dir/dumpall-staging-*`);
/// 2. read the source's WAL position (one short libpq session; it also checks the connection);
/// 3. `pg_dumpall --dbname=SOURCE --file=DUMP` as `pg_user` (`PGPASSFILE` from `pg_passfile`); the dump is
///    accepted only with exit status 0 and pg_dumpall's closing line at its end. Meanwhile, initdb a staging
///    cluster and start it on a socket in the round's private directory (no TCP);
/// 4. read the source's WAL position again;
/// 5. once both are done, restore with
///    `psql -v ON_ERROR_STOP=0 -f DUMP`; the restore is accepted only if its only errors are known-benign
///    (``DumpallRestoreOutput``);
/// 6. stop the staging cluster cleanly (`pg_ctl stop -m fast`), flush it to disk (`initdb --sync-only`: it restored
///    with `fsync = off`), write the completion marker into it, and publish it
///    (``SnapshotStore/publishDumpall(_:keep:now:)``: a rename inside `snapshot_dir`, `latest`, pruning).
///
/// A round that fails or is cancelled at any step leaves the published snapshots as they were and discards its
/// staging cluster (stopping it first if it runs). A round whose process is killed leaves its directory for the
/// next round to discard; its pg_dumpall and psql die with it (parent-death signal), its staging postmaster is
/// stopped by the next round. The caller holds the ``SyncLock``.
public struct DumpallRound: Sendable {
    /// The round's settings.
    public var settings: DumpallRoundSettings
    /// Where the round logs (metadata `sync.round`).
    public var logger: Logger

    /// A round.
    public init(settings: DumpallRoundSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Runs the round; its record says how it ended (a failure is recorded, not thrown). The record's bytes are the
    /// dump's size: what came over the link.
    public func run(round: String = RsyncRound.newRoundID()) async -> SyncRecord {
        let started = Date()
        var progress = Progress()
        var logger = logger
        logger[metadataKey: "sync.round"] = "\(round)"
        logger[metadataKey: "sync.method"] = "pg_dumpall"
        let error: SyncError?
        do {
            try await perform(round: round, startedAt: started, progress: &progress, logger: logger)
            error = nil
        } catch let failure {
            error = failure
        }
        let record = progress.record(round: round, startedAt: started, error: error)
        let metadata: Logger.Metadata = [
            "sync.bytes": "\(record.bytes)", "sync.seconds": "\(String(format: "%.1f", record.durationSeconds))",
            "sync.result": "\(record.outcome.rawValue)",
        ]
        if let error {
            logger.error("sync round failed: \(error.message)", metadata: metadata)
        } else {
            logger.info("sync round complete", metadata: metadata)
        }
        return record
    }

    /// What the round got to, for its record whether it finishes or not.
    struct Progress {
        var dumpBytes: Int64 = 0
        var start: WALPosition?
        var stop: WALPosition?

        func record(round: String, startedAt: Date, error: SyncError?) -> SyncRecord {
            SyncRecord(
                method: "pg_dumpall", round: round, outcome: error == nil ? .succeeded : .failed,
                errorCode: error?.code.rawValue, message: error?.message, startedAt: startedAt, finishedAt: Date(),
                bytesReceived: dumpBytes, transferredFileBytes: dumpBytes, startPosition: start, stopPosition: stop)
        }
    }
}
