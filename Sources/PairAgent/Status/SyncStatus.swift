import Foundation

/// The `sync` object of `status`: how this node's copies are made and how old the standby's copy is
/// (docs/status-json.md). Times are RFC 3339 UTC strings or null, durations carry their unit in the name.
public struct SyncStatus: Sendable, Equatable {
    /// What the sync machinery of this node is doing.
    public enum State: String, Sendable, Equatable {
        /// No round runs now, and the last one (if any) succeeded.
        case idle
        /// A round (or publishing a copy) holds this node's sync lock now.
        case running
        /// The last round this node ran failed.
        case failed
        /// `sync_method` is not set: pgpair makes no copies.
        case disabled
    }

    /// `rsync` or `pg_dumpall`; nil when `sync_method` is not set.
    public var method: String?
    /// What the sync machinery is doing.
    public var state: State
    /// When the last successful round finished.
    public var lastSuccess: Date?
    /// How long that round took, in seconds.
    public var lastDurationSeconds: Double?
    /// How many bytes that round moved over the link.
    public var lastBytes: Int64?
    /// The age of the standby's newest complete copy, in seconds: the data a failover would lose now.
    public var ageSeconds: Int64?
    /// The space `snapshot_dir` takes on this node (files shared through hard links counted once).
    public var diskUsedBytes: Int64?
    /// The space left for an unprivileged writer on the file system of `snapshot_dir` (of `pgdata` without one).
    public var diskFreeBytes: Int64?

    /// A status.
    public init(
        method: String?, state: State, lastSuccess: Date? = nil, lastDurationSeconds: Double? = nil,
        lastBytes: Int64? = nil, ageSeconds: Int64? = nil, diskUsedBytes: Int64? = nil, diskFreeBytes: Int64? = nil
    ) {
        self.method = method
        self.state = state
        self.lastSuccess = lastSuccess
        self.lastDurationSeconds = lastDurationSeconds
        self.lastBytes = lastBytes
        self.ageSeconds = ageSeconds
        self.diskUsedBytes = diskUsedBytes
        self.diskFreeBytes = diskFreeBytes
    }

    /// The status of a node without `sync_method`.
    public static let disabled = SyncStatus(method: nil, state: .disabled)
}
