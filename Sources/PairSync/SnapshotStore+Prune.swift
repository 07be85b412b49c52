import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension SnapshotStore {
    /// Removes the oldest complete snapshots beyond `keep` (at least one is always kept: the newest is never
    /// removed), and what an earlier prune left half-removed. Each is first renamed out of the snapshot names, so
    /// a removal cut short never leaves a partial directory that looks complete. Returns the removed names.
    @discardableResult
    public func prune(keep: Int) throws(SyncError) -> [String] {
        let snapshots = try snapshots()
        let doomed = snapshots.dropLast(max(1, keep))
        var removed: [String] = []
        for snapshot in doomed {
            let aside = "\(directory)/\(Self.pruningPrefix)\(snapshot.name)"
            guard rename(snapshot.path, aside) == 0 else {
                throw SyncError(.fileSystem, "cannot rename \(snapshot.path) for pruning: \(Self.errorText())")
            }
            Self.syncDirectory(directory)
            try remove(aside)
            removed.append(snapshot.name)
        }
        try removeLeftovers()
        return removed
    }

    private func removeLeftovers() throws(SyncError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(Self.pruningPrefix) {
            try remove("\(directory)/\(name)")
        }
    }

    private func remove(_ path: String) throws(SyncError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SyncError(.fileSystem, "cannot remove \(path): \(error.localizedDescription)")
        }
    }
}
