import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension SnapshotStore {
    /// Publishes the staging copy when it is complete: its marker is there and the copy checks out (backup_label
    /// of the same backup, every WAL segment whole, the cluster's own files present). Then it is owned by
    /// `pg_user` with mode 0700, renamed to the next snapshot name, `latest` is pointed at it, and snapshots
    /// beyond `keep` are pruned (never the newest).
    ///
    /// Returns nil, touching nothing, when staging holds no marker (no staging, or a round still running or cut
    /// short); throws `.invalidSnapshot` when a marker is there but the copy does not check out (staging is then
    /// left for the next round to overwrite). Run by the standby's agent, or from rsyncd's `post-xfer exec`.
    @discardableResult
    public func publishStaging(keep: Int, now: Date = Date()) throws(SyncError) -> Snapshot? {
        try publish(stagingPath, keep: keep, now: now)
    }

    /// As ``publishStaging(keep:now:)``, for the complete copy at `staging` (a directory in this store that is not a
    /// snapshot: `staging/`, or a pull round's own).
    func publish(_ staging: String, keep: Int, now: Date = Date()) throws(SyncError) -> Snapshot? {
        guard FileManager.default.fileExists(atPath: "\(staging)/\(SnapshotMarker.fileName)") else { return nil }
        let marker = try checkCopy(staging)
        try giveToOwner(staging)
        let sequence = (try snapshots().last?.sequence ?? 0) + 1
        let name = Snapshot.name(sequence: sequence, publishedAt: now)
        let path = "\(directory)/\(name)"
        guard rename(staging, path) == 0 else {
            throw SyncError(.fileSystem, "cannot rename \(staging) to \(path): \(Self.errorText())")
        }
        Self.syncDirectory(directory)
        try pointLatest(at: name)
        try prune(keep: keep)
        return Snapshot(name: name, path: path, sequence: sequence, marker: marker)
    }

    /// Checks a complete copy; returns its marker.
    func checkCopy(_ copy: String) throws(SyncError) -> SnapshotMarker {
        guard let marker = Self.marker(in: copy) else {
            throw SyncError(.invalidSnapshot, "\(copy): the completion marker does not read as one; not published")
        }
        guard
            let label = FileManager.default.contents(atPath: "\(copy)/backup_label").map({
                String(decoding: $0, as: UTF8.self)
            }),
            label.contains("LABEL: \(marker.label)\n"),
            label.contains("START WAL LOCATION: \(marker.startPosition) ")
        else {
            throw SyncError(
                .invalidSnapshot, "\(copy): backup_label is missing or not the marker's backup (\(marker.round))")
        }
        for file in ["PG_VERSION", "global/pg_control"] where !FileManager.default.fileExists(atPath: "\(copy)/\(file)")
        {
            throw SyncError(.invalidSnapshot, "\(copy): \(file) is missing; not a data directory")
        }
        guard !marker.walFiles.isEmpty else {
            throw SyncError(.invalidSnapshot, "\(copy): the marker lists no WAL")
        }
        for file in marker.walFiles {
            var status = stat()
            guard stat("\(copy)/pg_wal/\(file)", &status) == 0, UInt64(status.st_size) == marker.walSegmentSize else {
                throw SyncError(.invalidSnapshot, "\(copy): WAL segment \(file) is missing or not whole")
            }
        }
        return marker
    }

    /// The copy's top directory owned by `pg_user`, mode 0700 (rsync brought the files with their owners).
    private func giveToOwner(_ copy: String) throws(SyncError) {
        guard let user = getpwnam(owner)?.pointee else {
            throw SyncError(.notConfigured, "pg_user \(owner) is not a user on this node")
        }
        guard chown(copy, user.pw_uid, user.pw_gid) == 0, chmod(copy, 0o700) == 0 else {
            throw SyncError(.fileSystem, "cannot give \(copy) to \(owner) with mode 0700: \(Self.errorText())")
        }
    }

    /// Replaces `latest` with a link to `name` atomically (a new link renamed over the old one). Publishing (rsync
    /// and pg_dumpall copies) and installing (which takes a snapshot out of the directory) all point it here.
    func pointLatest(at name: String) throws(SyncError) {
        let latest = "\(directory)/\(Self.latestName)"
        let temporary = latest + ".new"
        unlink(temporary)
        guard symlink(name, temporary) == 0, rename(temporary, latest) == 0 else {
            throw SyncError(.fileSystem, "cannot point \(latest) at \(name): \(Self.errorText())")
        }
        Self.syncDirectory(directory)
    }

    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
