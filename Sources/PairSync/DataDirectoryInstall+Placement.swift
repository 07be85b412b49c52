import Foundation
import PairCore

#if canImport(Glibc)
    import Glibc
#endif

extension DataDirectoryInstall {
    /// The suffix of a replaced data directory's name: `PGDATA.replaced-20261121T101500Z`.
    public static let replacedSuffix = ".replaced-"
    /// The prefix of a cross-file-system copy being made beside the data directory.
    static let copyingPrefix = ".pgpair-installing-"

    /// A copy that becomes the data directory: a snapshot, or the copy of the peer's data directory.
    struct PlacedCopy: Sendable {
        /// Its name in logs and reports (a snapshot's directory name).
        var name: String
        /// Where it is, under `snapshot_dir`.
        var path: String
        /// Its data epoch, recorded in the installed directory.
        var epoch: UInt64
        /// A published snapshot: once renamed away, `latest` is pointed at the newest one that remains.
        var isSnapshot: Bool
    }

    /// Moves `copy` into place as the data directory (see the type's steps).
    func install(
        _ copy: PlacedCopy, decision: InstallDecision, store: SnapshotStore, now: Date = Date()
    ) async throws(SyncError) -> InstallReport {
        let target = settings.dataDirectory
        let parent = (target as NSString).deletingLastPathComponent
        var report = InstallReport(decision: decision)
        var source = copy.path
        let renames = Self.device(of: parent) == Self.device(of: store.directory)
        if renames {
            let path = copy.path
            let copied = try await OwnThread.run { () throws(SyncError) in try InstallOwnCopies.give(path) }
            (report.ownCopyFiles, report.ownCopyBytes) = copied
        } else {
            let leaf = (copy.path as NSString).lastPathComponent
            source = "\(parent)/\(Self.copyingPrefix)\(leaf)"
            try await copyAcross(copy.path, to: source)
        }
        if FileManager.default.fileExists(atPath: target) {
            let aside = Self.asideName(for: target, at: now)
            guard rename(target, aside) == 0 else {
                throw Self.failure("cannot set \(target) aside as \(aside)")
            }
            report.setAside = aside
        }
        guard rename(source, target) == 0 else {
            let error = Self.failure("cannot rename \(source) to \(target)")
            if let aside = report.setAside { rename(aside, target) }
            SnapshotStore.syncDirectory(parent)
            throw error
        }
        SnapshotStore.syncDirectory(parent)
        try giveToOwner(target)
        try DataDirectoryEpoch.record(copy.epoch, in: target, owner: settings.owner)
        if renames {
            SnapshotStore.syncDirectory(store.directory)
            if copy.isSnapshot { try repointLatest(store) }
        }
        report.installed = copy.name
        logger.notice(
            "installed a copy as the data directory",
            metadata: [
                "sync.snapshot": "\(copy.name)", "install.data_directory": "\(target)",
                "install.set_aside": "\(report.setAside ?? "-")", "install.own_copies": "\(report.ownCopyFiles)",
            ])
        return report
    }

    /// `PGDATA.replaced-UTCTIME`, with a counter when that name is taken.
    static func asideName(for directory: String, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(directory)\(replacedSuffix)\(formatter.string(from: date))"
        var name = base
        var counter = 1
        while FileManager.default.fileExists(atPath: name) {
            counter += 1
            name = "\(base)-\(counter)"
        }
        return name
    }

    /// The installed snapshot left `snapshot_dir`: `latest` names the newest one that remains, or is removed when
    /// none does (the next round then copies everything; rsync notes the missing link-dest).
    private func repointLatest(_ store: SnapshotStore) throws(SyncError) {
        let latest = "\(store.directory)/\(SnapshotStore.latestName)"
        guard let newest = try store.newest() else {
            unlink(latest)
            SnapshotStore.syncDirectory(store.directory)
            return
        }
        try store.pointLatest(at: newest.name)
    }

    /// The installed directory belongs to `pg_user`, mode 0700 (PostgreSQL refuses anything looser).
    private func giveToOwner(_ directory: String) throws(SyncError) {
        guard let user = getpwnam(settings.owner)?.pointee else {
            throw SyncError(.notConfigured, "pg_user \(settings.owner) is not a user on this node")
        }
        guard chown(directory, user.pw_uid, user.pw_gid) == 0 || getuid() != 0, chmod(directory, 0o700) == 0 else {
            throw Self.failure("cannot give \(directory) to \(settings.owner) with mode 0700")
        }
    }

    /// `cp -a` of a snapshot on another file system, into a name beside the data directory that is never taken
    /// for a data directory or a snapshot; a leftover from a copy cut short is replaced.
    private func copyAcross(_ snapshot: String, to copy: String) async throws(SyncError) {
        if FileManager.default.fileExists(atPath: copy) {
            try? FileManager.default.removeItem(atPath: copy)
        }
        let outcome = try await ChildProcess().run(
            ChildProcess.Command(executable: "/bin/cp", arguments: ["-a", snapshot, copy], timeout: .seconds(6 * 3600)))
        guard outcome.exitStatus == 0 else {
            throw SyncError(.fileSystem, "cannot copy \(snapshot) to \(copy): \(outcome.summary)")
        }
        sync()
    }

    static func device(of path: String) -> UInt64? {
        var status = stat()
        return stat(path, &status) == 0 ? UInt64(status.st_dev) : nil
    }

    static func failure(_ what: String) -> SyncError {
        SyncError(.fileSystem, "\(what): \(String(cString: strerror(errno)))")
    }
}

extension Snapshot {
    /// The snapshot as a copy to install.
    var placed: DataDirectoryInstall.PlacedCopy {
        DataDirectoryInstall.PlacedCopy(name: name, path: path, epoch: marker.epoch ?? 0, isSnapshot: true)
    }
}
