import Foundation
import PairCore

/// Describes copies of the data as the install decision compares them: epoch, position, how the cluster ended,
/// whether the copy is whole.
///
/// - The current data directory's position is its latest checkpoint; its epoch is ``DataDirectoryEpoch``.
/// - A snapshot's position is the later of its backup's stop position (its data reaches there once recovered) and
///   its control file's checkpoint; its epoch is its marker's (0 when the marker has none).
/// - A copy with a `backup_label` is a backup not started since; otherwise the control file says whether the
///   cluster was shut down cleanly or not (crashed).
enum InstallCandidates {
    /// The current data directory; nil when there is nothing at that path.
    static func current(_ dataDirectory: String, binDirectory: String?) async -> CopyCandidate? {
        guard FileManager.default.fileExists(atPath: dataDirectory) else { return nil }
        return await describe(dataDirectory, source: .current, binDirectory: binDirectory, backupStop: nil)
    }

    /// A published snapshot.
    static func snapshot(_ snapshot: Snapshot, binDirectory: String?) async -> CopyCandidate {
        await describe(
            snapshot.path, source: .snapshot(snapshot.name), binDirectory: binDirectory,
            backupStop: snapshot.marker.stopPosition)
    }

    private static func describe(
        _ directory: String, source: CopyCandidate.Source, binDirectory: String?, backupStop: WALPosition?
    ) async -> CopyCandidate {
        let epoch = DataDirectoryEpoch.read(directory)
        guard FileManager.default.fileExists(atPath: "\(directory)/PG_VERSION"),
            let control = try? await DataDirectoryControlData.read(directory, binDirectory: binDirectory)
        else {
            return CopyCandidate(
                source: source, rank: CopyRank(epoch: epoch, position: 0), state: .crashed, isComplete: false)
        }
        let position = max(control.checkpoint, backupStop ?? control.checkpoint)
        let state: CopyCandidate.ClusterState =
            FileManager.default.fileExists(atPath: "\(directory)/backup_label")
            ? .backup : control.isShutDown ? .shutDown : .crashed
        return CopyCandidate(source: source, rank: CopyRank(epoch: epoch, position: position.value), state: state)
    }
}
