import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data epoch of a data directory: the epoch of the takeover whose data it holds, kept *inside* the directory
/// so that it moves with every rename (an install, a set-aside) and can never describe another directory.
///
/// Two files say it, and the higher counts:
/// - `pgpair_data_epoch` (one number): written before PostgreSQL starts on the directory as the `pgsql` resource
///   (the node's epoch of that start), and when a snapshot is installed (the snapshot's epoch). It travels with
///   the rsync round's copy, where it equals the marker's epoch (both are the active's epoch).
/// - `pgpair_snapshot.json`, the marker an installed snapshot brings along (its `epoch`), until PostgreSQL first
///   runs on the directory as the `pgsql` resource.
///
/// A directory with neither (initdb'd by hand, or from before pgpair) has epoch 0: any copy of a takeover is newer.
public enum DataDirectoryEpoch {
    /// The file that holds the epoch.
    public static let fileName = "pgpair_data_epoch"

    /// The directory's data epoch; 0 when nothing says.
    public static func read(_ dataDirectory: String) -> UInt64 {
        max(recorded(dataDirectory) ?? 0, SnapshotStore.marker(in: dataDirectory)?.epoch ?? 0)
    }

    /// What `pgpair_data_epoch` holds, when it holds a number.
    static func recorded(_ dataDirectory: String) -> UInt64? {
        FileManager.default.contents(atPath: "\(dataDirectory)/\(fileName)").flatMap {
            UInt64(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Raises the recorded epoch to `epoch` (never lowers it), durably: a temporary file, fsync, rename, directory
    /// fsync. The file is given to `owner` (the data directory's files are PostgreSQL's).
    public static func record(_ epoch: UInt64, in dataDirectory: String, owner: String) throws(SyncError) {
        let path = "\(dataDirectory)/\(fileName)"
        let value = max(epoch, read(dataDirectory))
        if FileManager.default.fileExists(atPath: path), recorded(dataDirectory) == value { return }
        let temporary = "\(path).new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        let bytes = Array("\(value)\n".utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if let user = getpwnam(owner)?.pointee {
            _ = fchown(descriptor, user.pw_uid, user.pw_gid)
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot write \(path)")
        }
        SnapshotStore.syncDirectory(dataDirectory)
    }

    private static func failure(_ what: String) -> SyncError {
        SyncError(.fileSystem, "\(what): \(String(cString: strerror(errno)))")
    }
}
