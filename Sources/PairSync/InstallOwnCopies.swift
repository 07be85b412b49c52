import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Gives a snapshot that is about to become a data directory its own copy of every file it shares through a hard
/// link (with the snapshots that remain, with staging): PostgreSQL writes into its files in place, and a write
/// into a shared file would change every snapshot that shares it.
///
/// Only the shared files are copied (a link count above one), so the cost is what the newest round did not change:
/// cheaper than copying the whole snapshot, and the same when everything is shared. Each file is copied beside
/// itself (owner, mode and times kept), fsynced, and renamed over its name: the original inode stays with the
/// other snapshots untouched, and a copy cut short at any point leaves a whole snapshot (each name holds either
/// the shared file or a whole copy of it).
enum InstallOwnCopies {
    /// The prefix of a copy being made; a leftover one (a copy cut short) is removed by the next pass.
    static let temporaryPrefix = ".pgpair-own-"

    /// Copies every hard-linked regular file under `directory`; returns how many files and bytes were copied.
    @discardableResult
    static func give(_ directory: String) throws(SyncError) -> (files: Int, bytes: UInt64) {
        var files = 0
        var bytes: UInt64 = 0
        guard let walk = FileManager.default.enumerator(atPath: directory) else {
            throw SyncError(.fileSystem, "cannot read \(directory)")
        }
        var paths: [String] = []
        while let relative = walk.nextObject() as? String {
            paths.append("\(directory)/\(relative)")
        }
        for path in paths {
            var status = stat()
            guard lstat(path, &status) == 0 else { throw failure("cannot stat \(path)") }
            guard (status.st_mode & S_IFMT) == S_IFREG else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasPrefix(temporaryPrefix) {
                unlink(path)
                continue
            }
            guard status.st_nlink > 1 else { continue }
            try ownCopy(of: path, status: status)
            files += 1
            bytes += UInt64(status.st_size)
        }
        return (files, bytes)
    }

    /// Replaces `path` by a copy of its own.
    private static func ownCopy(of path: String, status: stat) throws(SyncError) {
        let slash = path.lastIndex(of: "/").map { path[..<$0] } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = "\(slash)/\(temporaryPrefix)\(name)"
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw failure("cannot open \(path)") }
        defer { close(source) }
        unlink(temporary)
        let target = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard target >= 0 else { throw failure("cannot create \(temporary)") }
        var copied = false
        defer {
            close(target)
            if !copied { unlink(temporary) }
        }
        try copyByReading(from: source, to: target, path: path)
        var times = [status.st_atim, status.st_mtim]
        guard fchown(target, status.st_uid, status.st_gid) == 0 || getuid() != 0,
            fchmod(target, status.st_mode & 0o7777) == 0, futimens(target, &times) == 0, fsync(target) == 0,
            rename(temporary, path) == 0
        else { throw failure("cannot give \(path) a copy of its own") }
        copied = true
    }

    private static func copyByReading(from source: Int32, to target: Int32, path: String) throws(SyncError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress, $0.count, offset) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read \(path)") }
            if count == 0 { return }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes {
                    pwrite(target, $0.baseAddress! + written, count - written, offset + off_t(written))
                }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else { throw failure("cannot copy \(path)") }
                written += step
            }
            offset += off_t(count)
        }
    }

    private static func failure(_ what: String) -> SyncError {
        SyncError(.fileSystem, "\(what): \(String(cString: strerror(errno)))")
    }
}
