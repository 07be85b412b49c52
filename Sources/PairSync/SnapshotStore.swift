import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The standby's `snapshot_dir`: published snapshots, the staging directory an rsync round writes into, and
/// `latest`, a symbolic link to the newest snapshot that the next round hard-links unchanged files against.
///
/// ```
/// snapshot_dir/
///   staging/                              the incoming copy (rsync_target's module or path points at snapshot_dir)
///   snapshot-20261121T102432Z-000041/     complete snapshots, each with its pgpair_snapshot.json
///   snapshot-20261121T103002Z-000042/
///   latest -> snapshot-20261121T103002Z-000042
/// ```
///
/// Only names pgpair makes are touched: `staging`, `latest`, `snapshot-…` and `.pruning-…`.
public struct SnapshotStore: Sendable {
    /// The staging directory's name.
    public static let stagingName = "staging"
    /// The link to the newest snapshot.
    public static let latestName = "latest"
    /// The prefix a snapshot being pruned is renamed to first, so a prune cut short never leaves a partial
    /// directory that looks like a complete snapshot.
    static let pruningPrefix = ".pruning-"

    /// `snapshot_dir`.
    public var directory: String
    /// `pg_user`: the owner every published snapshot is given (mode 0700).
    public var owner: String

    /// A store.
    public init(directory: String, owner: String) {
        self.directory = directory
        self.owner = owner
    }

    /// The staging directory's path.
    public var stagingPath: String { "\(directory)/\(Self.stagingName)" }

    /// The complete snapshots, oldest first. A directory with a snapshot's name but no readable marker is not one.
    public func snapshots() throws(SyncError) -> [Snapshot] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw SyncError(.fileSystem, "cannot list snapshot_dir \(directory): \(error.localizedDescription)")
        }
        return names.compactMap { name -> Snapshot? in
            guard let sequence = Snapshot.sequence(ofName: name) else { return nil }
            let path = "\(directory)/\(name)"
            guard let marker = Self.marker(in: path) else { return nil }
            return Snapshot(name: name, path: path, sequence: sequence, marker: marker)
        }
        .sorted { $0.sequence < $1.sequence }
    }

    /// The newest complete snapshot: the standby's copy.
    public func newest() throws(SyncError) -> Snapshot? {
        try snapshots().last
    }

    /// The marker in `directory`, when there is a readable one.
    static func marker(in directory: String) -> SnapshotMarker? {
        FileManager.default.contents(atPath: "\(directory)/\(SnapshotMarker.fileName)").flatMap(SnapshotMarker.decode)
    }
}
