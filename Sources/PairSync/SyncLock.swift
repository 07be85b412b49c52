#if canImport(Glibc)
    import Glibc
#endif

/// The exclusive `flock` on `sync_lockfile` that keeps rounds from overlapping.
///
/// Taken without waiting: a second holder gets `SyncError.busy` ("sync already active"; `pgpair sync` exits 75).
/// The lock belongs to the open file, which is close-on-exec, so a child (rsync) never keeps it; it is released
/// when the value is consumed by `release()` or goes out of scope, and by the kernel when the process dies.
public struct SyncLock: ~Copyable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, creating the file (mode 0644) when missing; throws `.busy` when another holder has it.
    public init(path: String) throws(SyncError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SyncError(
                .lockFailed, "cannot open the sync lock file \(path): \(Self.errorText()); check sync_lockfile")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            if error == EINTR { continue }
            close(descriptor)
            if error == EWOULDBLOCK {
                throw SyncError(.busy, SyncError.busyMessage)
            }
            throw SyncError(.lockFailed, "cannot lock \(path): \(String(cString: strerror(error)))")
        }
        self.path = path
        self.descriptor = descriptor
        recordHolder()
    }

    /// Releases the lock.
    public consuming func release() {}

    deinit {
        close(descriptor)
    }

    /// Writes this process's PID into the file, for an operator wondering who holds it; the lock is the `flock`,
    /// not the content, so a failure here changes nothing.
    private func recordHolder() {
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

extension SyncLock {
    /// Runs `body` while holding the lock at `path`; throws `.busy` without running it when another holder has it.
    public static func withLock<Result>(
        path: String, _ body: () async throws -> Result
    ) async throws -> Result {
        let lock = try SyncLock(path: path)
        // The lock lives until the end of this scope, after `body` has returned or thrown.
        let result = try await body()
        lock.release()
        return result
    }
}
