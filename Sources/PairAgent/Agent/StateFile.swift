#if canImport(Glibc)
    import Glibc
#endif

/// Small text files in `state_dir`, written so that a crash at any point leaves either the old or the new content:
/// write a temporary file, fsync it, rename it over the old one, fsync the directory.
public enum StateFile {
    /// A failure to read or write a state file, naming the file and the system's reason.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// What failed and why.
        public var reason: String
        /// `path: reason`, and what to check.
        public var description: String { "\(path): \(reason); check that state_dir exists and is writable by root" }
    }

    /// The file's text, or nil when it does not exist.
    public static func read(_ path: String) throws(Failure) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw Failure(path: path, reason: "cannot open: \(errorText())")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw Failure(path: path, reason: "cannot read: \(errorText())") }
            if count == 0 { break }
            bytes += buffer[..<count]
            if bytes.count > 1 << 20 { throw Failure(path: path, reason: "larger than 1 MiB") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces the file's content with `text` atomically and durably.
    public static func writeDurably(_ path: String, text: String) throws(Failure) {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: temporary, reason: "cannot create: \(errorText())") }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written < 0 {
                close(descriptor)
                throw Failure(path: temporary, reason: "cannot write: \(errorText())")
            }
            bytes = bytes.dropFirst(written)
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced else { throw Failure(path: temporary, reason: "cannot fsync: \(errorText())") }
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: "cannot rename: \(errorText())") }
        syncDirectory(of: path)
    }

    /// Syncs the directory that holds `path`, so that a rename or an unlink in it survives a crash.
    private static func syncDirectory(of path: String) {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the file at `path` durably (the directory is synced); a missing file is already removed.
    public static func removeDurably(_ path: String) throws(Failure) {
        if unlink(path) != 0, errno != ENOENT {
            throw Failure(path: path, reason: "cannot remove: \(errorText())")
        }
        syncDirectory(of: path)
    }

    /// Creates `path` as a directory with mode 0700 when it does not exist.
    public static func ensureDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw Failure(path: path, reason: "cannot create the directory: \(errorText())")
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
