import Foundation
import Logging

/// One pull round, run by a node as it starts (`pgpair pull`, before its agent) while the peer is the active: a
/// fresh snapshot of the peer's running cluster, fetched from this side with the backup API, as the peer's own push
/// round (``RsyncRound``) would make it.
///
/// Under the sync lock, held to the end (no install, publish or prune meanwhile):
/// 1. remove any marker, `backup_label` or `tablespace_map` an earlier pull left in its staging directory
///    (`snapshot_dir/pull-staging`, its own: a push round arriving from the peer in `staging/` meanwhile never
///    mixes with it);
/// 2. one libpq session to the peer's PostgreSQL (``PullRoundSettings/conninfo``, the password only through
///    `pg_passfile`): a temporary physical replication slot reserving WAL, `pg_backup_start(label, fast)`;
/// 3. rsync the peer's data directory from `rsync_source` into staging, hard-linking unchanged files to `latest`,
///    with the push round's excludes and nanosecond times (``RsyncArguments/copyData()``);
/// 4. `pg_backup_stop()`; the WAL segments from the backup's start to its stop (and the timeline history files)
///    from `rsync_source`'s `pg_wal/` while the slot still holds them; its `backup_label` (and `tablespace_map` when
///    not empty);
/// 5. the completion marker, last (its epoch the peer's `pgpair_data_epoch` as the copy brought it); the session
///    ends, and staging is published as a snapshot (``SnapshotStore/publishStaging(keep:now:)``'s checks).
///
/// A round that fails or is killed at any step leaves the published snapshots as they were: rsync only ever writes
/// into the pull's staging directory, and into new files.
public struct PullRound: Sendable {
    /// The round's settings.
    public var settings: PullRoundSettings
    /// Where the round logs (metadata `sync.round`).
    public var logger: Logger
    var processes: ChildProcess

    /// A round.
    public init(settings: PullRoundSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.processes = ChildProcess(setpriv: settings.setpriv)
    }

    /// What a round did.
    public struct Fetch: Sendable {
        /// The round's record (a failure is recorded, not thrown).
        public var record: SyncRecord
        /// The snapshot it published; nil when it failed.
        public var snapshot: Snapshot?
        /// One line for the log and `pgpair pull`.
        public var summary: String
    }

    /// The pull's staging directory.
    var stagingPath: String { "\(settings.snapshotDirectory)/\(PullRoundSettings.stagingName)" }

    /// At a node's start: runs the round when the peer's PostgreSQL answers the readiness ping (the peer is
    /// active, or on its way); nil, having done nothing else, when it does not.
    public func runIfPeerAnswers() async -> Fetch? {
        let store = SnapshotStore(directory: settings.snapshotDirectory, owner: settings.owner)
        let ping = PeerCopyFetch(source: settings.source, store: store, binDirectory: nil, logger: logger)
        guard await ping.peerAnswers() else { return nil }
        return await run()
    }

    /// Runs the round.
    public func run(round: String = RsyncRound.newRoundID()) async -> Fetch {
        let started = Date()
        var progress = RsyncRound.Progress()
        var logger = logger
        logger[metadataKey: "sync.round"] = "\(round)"
        do {
            let snapshot = try await perform(round: round, startedAt: started, progress: &progress, logger: logger)
            let record = progress.record(round: round, startedAt: started, error: nil)
            let figures = "\(record.bytes) bytes in \(String(format: "%.1f", record.durationSeconds)) s"
            logger.info(
                "pull round complete",
                metadata: [
                    "sync.snapshot": "\(snapshot.name)", "sync.bytes": "\(record.bytes)", "sync.result": "succeeded",
                ])
            return Fetch(
                record: record, snapshot: snapshot,
                summary: "fetched \(snapshot.name) from the active peer's running cluster (\(figures))")
        } catch {
            let record = progress.record(round: round, startedAt: started, error: error)
            logger.error(
                "pull round failed: \(error.message)",
                metadata: ["sync.bytes": "\(record.bytes)", "sync.result": "failed"])
            return Fetch(
                record: record, snapshot: nil,
                summary: "fetching a fresh snapshot from the active peer's running cluster failed: \(error.message)")
        }
    }
}
