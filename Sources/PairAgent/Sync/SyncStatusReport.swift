import Foundation
import PairCore
import PairSync

/// What `status.sync` is made of, gathered by the agent, and the object it makes (docs/status-json.md).
struct SyncStatusReport: Sendable {
    /// `sync_method`.
    var method: SyncSettings.Method?
    /// Some process holds this node's sync lock (a round, or a publish).
    var lockHeld: Bool
    /// The rounds recorded in `state_dir`.
    var lastRound: SyncRecord?
    var lastSuccess: SyncRecord?
    /// This node's newest complete snapshot.
    var newestSnapshot: Snapshot?
    /// This node runs the `pgsql` group: the standby's copy is then the peer's, as its heartbeat tells.
    var runsPostgres: Bool
    /// The copy the peer's heartbeat tells of.
    var peerCopy: SyncStamp?
    /// `snapshot_dir`'s use, and the free space on its file system.
    var diskUsedBytes: Int64?
    var diskFreeBytes: Int64?

    /// The `sync` object at `now`.
    func status(now: Date) -> SyncStatus {
        guard let method else { return .disabled }
        // A failed round recorded here counts until a newer copy has arrived: a node that failed a round as
        // the active and has received snapshots since as the standby is syncing fine.
        let failedRound = lastRound.map { round in
            round.outcome == .failed && newestSnapshot.map { round.finishedAt > $0.marker.completedAt } ?? true
        }
        let state: SyncStatus.State = lockHeld ? .running : (failedRound == true ? .failed : .idle)
        var status = SyncStatus(
            method: method.rawValue, state: state, diskUsedBytes: diskUsedBytes, diskFreeBytes: diskFreeBytes)
        // The standby does not run the rounds of rsync; its newest snapshot's marker tells of the last one.
        let snapshotRound = newestSnapshot.map { ($0.marker.completedAt, $0.marker.startedAt) }
        if let lastSuccess, snapshotRound.map({ lastSuccess.finishedAt >= $0.0 }) ?? true {
            status.lastSuccess = lastSuccess.finishedAt
            status.lastDurationSeconds = lastSuccess.durationSeconds
            status.lastBytes = lastSuccess.bytes
        } else if let (completed, started) = snapshotRound {
            status.lastSuccess = completed
            status.lastDurationSeconds = completed.timeIntervalSince(started)
        }
        let dataAsOf: Date? =
            runsPostgres
            ? peerCopy.map { Date(timeIntervalSince1970: Double($0.startedAt) / 1000) } : newestSnapshot?.dataAsOf
        status.ageSeconds = dataAsOf.map { Int64(max(0, now.timeIntervalSince($0)).rounded(.down)) }
        return status
    }

    /// What this node tells the peer in its heartbeats: the active its last successful round (in `epoch`), the
    /// standby its newest complete snapshot.
    func copyStamp(epoch: UInt64) -> SyncStamp? {
        if runsPostgres {
            return lastSuccess.map {
                SyncStamp(
                    startedAt: Self.milliseconds($0.startedAt), finishedAt: Self.milliseconds($0.finishedAt),
                    epoch: epoch)
            }
        }
        return newestSnapshot.map {
            SyncStamp(
                startedAt: Self.milliseconds($0.marker.startedAt), finishedAt: Self.milliseconds($0.marker.completedAt),
                epoch: $0.marker.epoch ?? 0)
        }
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
