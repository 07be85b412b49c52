import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension SnapshotStore {
    /// Publishes `copy`, a staging cluster a pg_dumpall round restored and stopped cleanly, as the next snapshot:
    /// it must hold a pg_dumpall marker, `PG_VERSION` and `global/pg_control`, and no `postmaster.pid` (a cluster
    /// that may still run is never published). `copy` must be on `snapshot_dir`'s file system (the round makes it
    /// inside `snapshot_dir`): publishing is a rename. Then `latest` points at it and snapshots beyond `keep` are
    /// pruned, as ``publishStaging(keep:now:)`` does for an rsync round's copy, which checks a backup and its WAL
    /// that a dump does not have.
    ///
    /// Throws `.invalidSnapshot`, touching nothing, when the copy does not check out. The caller holds the
    /// ``SyncLock``.
    @discardableResult
    func publishDumpall(_ copy: String, keep: Int, now: Date = Date()) throws(SyncError) -> Snapshot {
        let marker = try checkDumpallCopy(copy)
        guard let user = getpwnam(owner)?.pointee else {
            throw SyncError(.notConfigured, "pg_user \(owner) is not a user on this node")
        }
        guard chown(copy, user.pw_uid, user.pw_gid) == 0, chmod(copy, 0o700) == 0 else {
            throw SyncError(.fileSystem, "cannot give \(copy) to \(owner) with mode 0700: \(Self.errorText())")
        }
        let sequence = (try snapshots().last?.sequence ?? 0) + 1
        let name = Snapshot.name(sequence: sequence, publishedAt: now)
        let path = "\(directory)/\(name)"
        guard rename(copy, path) == 0 else {
            throw SyncError(.fileSystem, "cannot rename \(copy) to \(path): \(Self.errorText())")
        }
        Self.syncDirectory(directory)
        try pointLatest(at: name)
        try prune(keep: keep)
        return Snapshot(name: name, path: path, sequence: sequence, marker: marker)
    }

    /// Checks a restored copy; returns its marker.
    func checkDumpallCopy(_ copy: String) throws(SyncError) -> SnapshotMarker {
        guard let marker = Self.marker(in: copy), marker.isDumpall else {
            throw SyncError(.invalidSnapshot, "\(copy): no pg_dumpall completion marker; not published")
        }
        for file in ["PG_VERSION", "global/pg_control"] where !FileManager.default.fileExists(atPath: "\(copy)/\(file)")
        {
            throw SyncError(.invalidSnapshot, "\(copy): \(file) is missing; not a data directory")
        }
        guard !FileManager.default.fileExists(atPath: "\(copy)/postmaster.pid") else {
            throw SyncError(.invalidSnapshot, "\(copy): the staging cluster was not stopped; not published")
        }
        return marker
    }
}
