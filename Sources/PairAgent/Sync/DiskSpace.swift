import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Free and used space, for the check before a round and for `status`.
public enum DiskSpace {
    /// The bytes an unprivileged writer may still use on the file system that holds `path` (statvfs's
    /// `f_bavail`, leaving root's reserve aside); nil when `path` cannot be examined.
    public static func freeBytes(at path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// The space the files under `directory` take on disk, each file counted once however many hard links it
    /// has (snapshots share their unchanged files); nil when `directory` does not exist.
    public static func usedBytes(under directory: String) -> Int64? {
        var status = stat()
        guard lstat(directory, &status) == 0 else { return nil }
        var seen: Set<UInt64> = []
        var total = Int64(status.st_blocks) * 512
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return total }
        while let relative = enumerator.nextObject() as? String {
            guard lstat("\(directory)/\(relative)", &status) == 0 else { continue }
            if status.st_nlink > 1, (status.st_mode & S_IFMT) != S_IFDIR {
                guard seen.insert(UInt64(status.st_ino)).inserted else { continue }
            }
            total += Int64(status.st_blocks) * 512
        }
        return total
    }
}
