import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells whether some process holds the sync lock now, without taking it (taking it, even for a moment, could
/// make a `pgpair sync` from cron exit 75): the kernel lists every `flock` in `/proc/locks`.
enum SyncLockProbe {
    /// True when a `flock` is held on the file at `path`.
    static func isHeld(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0,
            let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return false }
        let holder = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return isHeld(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), holder: holder, locks: locks)
    }

    /// True when `locks` (the text of `/proc/locks`) lists a granted `FLOCK` on the file at `device` and `inode`,
    /// e.g. `1: FLOCK  ADVISORY  WRITE 4242 08:01:1234567 0 EOF` (a waiting request has `->` after the number).
    /// A file system that shows another device there (an overlay) is matched by inode and the holder's PID, which
    /// the lock file records.
    static func isHeld(device: UInt64, inode: UInt64, holder: Int32?, locks: String) -> Bool {
        let major = (device >> 8) & 0xfff | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        let file = "\(hex(major)):\(hex(minor)):\(inode)"
        return locks.split(separator: "\n").contains { line in
            let words = line.split(separator: " ")
            guard words.count >= 6, words[1] == "FLOCK" else { return false }
            if words[5] == file { return true }
            return words[5].hasSuffix(":\(inode)") && holder.map { words[4] == "\($0)" } == true
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return text.count < 2 ? "0" + text : text
    }
}
