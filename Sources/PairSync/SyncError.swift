/// A sync round, lock or snapshot operation that failed, with what to do next.
///
/// The message never holds a password or a full connection string: libpq's messages come through PairPostgres,
/// which removes passwords, and rsync is never given one on its command line.
public struct SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarsely: callers branch on this (`busy` is exit status 75 for `pgpair sync`).
    public enum Code: String, Sendable, Equatable {
        /// Another round holds the sync lock.
        case busy
        /// The lock file cannot be opened or locked.
        case lockFailed = "lock_failed"
        /// The settings do not allow a round (a missing path, an unsupported data directory layout).
        case notConfigured = "not_configured"
        /// The PostgreSQL session (slot, backup start or stop) failed.
        case postgresFailed = "postgres_failed"
        /// rsync (or another child) failed, could not be started, or was killed.
        case transferFailed = "transfer_failed"
        /// A WAL segment the copy needs is not there.
        case walMissing = "wal_missing"
        /// A staging copy or a snapshot does not check out.
        case invalidSnapshot = "invalid_snapshot"
        /// A file-system operation on the snapshot directory failed.
        case fileSystem = "file_system"
        /// The round was cancelled.
        case cancelled
    }

    /// What went wrong, coarsely.
    public var code: Code
    /// What happened, and what to check.
    public var message: String

    /// An error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message `pgpair sync` logs and exits 75 with when another round runs.
    public static let busyMessage = "sync already active"

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
