import Foundation

/// The file the postmaster's output is appended to, opened by pgpair and inherited by the server.
struct ServerLog {
    let handle: FileHandle
    private let path: String
    private let startOffset: UInt64

    /// Opens (creating it and its directory, mode 0640, owned by `owner`) the log at `path` for appending.
    init(path: String, owner: String) throws {
        var descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        if descriptor < 0, errno == ENOENT {
            // The state directory of a node where no agent has run yet.
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        }
        guard descriptor >= 0 else {
            throw ResourceError(
                .misconfigured, "cannot open the PostgreSQL log \(path): \(String(cString: strerror(errno)))")
        }
        if geteuid() == 0, let account = getpwnam(owner)?.pointee {
            _ = fchown(descriptor, account.pw_uid, account.pw_gid)
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.path = path
        startOffset = UInt64(max(lseek(descriptor, 0, SEEK_END), 0))
    }

    /// The last lines the server wrote since this start, after `prefix`; empty when it wrote nothing.
    func tail(prefix: String, lines: Int = 4) -> String {
        guard let reader = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? reader.close() }
        try? reader.seek(toOffset: startOffset)
        let data = (try? reader.read(upToCount: 64 * 1024)) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        let last = text.split(whereSeparator: \.isNewline).suffix(lines).joined(separator: " | ")
        return last.isEmpty ? "" : prefix + last
    }
}
