import Foundation
import PairCore

/// Describes copies of the data as the install decision compares them: epoch, position, how the cluster ended,
/// whether the copy is whole.
///
/// - The epoch is ``DataDirectoryEpoch`` (for a snapshot, its marker's; 0 when nothing says).
/// - A copy with a marker (a snapshot, or a data directory installed from one that PostgreSQL has not run on as the
///   `pgsql` resource since) reaches its backup's stop position once recovered: its position is the later of that
///   and its control file's checkpoint. A pg_dumpall copy's control file belongs to a cluster of its own, whose
///   positions say nothing about the source's WAL: its position is the marker's stop position alone.
/// - A data directory without a marker: its latest checkpoint.
/// - A copy with a `backup_label` is a backup not started since; otherwise the control file says whether the
///   cluster was shut down cleanly or not (crashed).
enum InstallCandidates {
    /// The current data directory; nil when there is no cluster there (no directory, or no `PG_VERSION` in it: an
    /// empty directory made for pgpair to fill). One whose control file cannot be read is an incomplete candidate,
    /// which the decision never replaces.
    static func current(_ dataDirectory: String, binDirectory: String?) async -> CopyCandidate? {
        guard FileManager.default.fileExists(atPath: "\(dataDirectory)/PG_VERSION") else { return nil }
        return await describe(
            dataDirectory, source: .current, binDirectory: binDirectory, marker: SnapshotStore.marker(in: dataDirectory)
        )
    }

    /// A published snapshot.
    static func snapshot(_ snapshot: Snapshot, binDirectory: String?) async -> CopyCandidate {
        await describe(
            snapshot.path, source: .snapshot(snapshot.name), binDirectory: binDirectory, marker: snapshot.marker)
    }

    /// The peer's data directory, as copied by ``PeerCopyFetch``: its epoch and control file are the peer's.
    static func peer(_ directory: String, binDirectory: String?) async -> CopyCandidate {
        await describe(
            directory, source: .peer, binDirectory: binDirectory, marker: SnapshotStore.marker(in: directory))
    }

    private static func describe(
        _ directory: String, source: CopyCandidate.Source, binDirectory: String?, marker: SnapshotMarker?
    ) async -> CopyCandidate {
        let epoch = DataDirectoryEpoch.read(directory)
        guard FileManager.default.fileExists(atPath: "\(directory)/PG_VERSION"),
            let control = try? await DataDirectoryControlData.read(directory, binDirectory: binDirectory)
        else {
            return CopyCandidate(
                source: source, rank: CopyRank(epoch: epoch, position: 0), state: .crashed, isComplete: false)
        }
        let position =
            if let marker { marker.isDumpall ? marker.stopPosition : max(control.checkpoint, marker.stopPosition) } else
            {
                control.checkpoint
            }
        let state: CopyCandidate.ClusterState =
            FileManager.default.fileExists(atPath: "\(directory)/backup_label")
            ? .backup : control.isShutDown ? .shutDown : .crashed
        return CopyCandidate(source: source, rank: CopyRank(epoch: epoch, position: position.value), state: state)
    }
}
