/// How the active side's data reaches the standby as snapshots.
public struct SyncSettings: Sendable, Equatable {
    /// `sync_method`.
    public enum Method: String, Sendable, Equatable {
        /// The active pushes its data directory with rsync under the backup API.
        case rsync
        /// The standby pulls a pg_dumpall and restores it into a fresh cluster.
        case pgDumpall = "pg_dumpall"
    }

    /// `sync_method`; nil when pgpair does not sync (the standby then has no copy of its own).
    public var method: Method?
    /// `rsync_target`: where the active pushes staging copies (the peer's read-write module or path).
    public var rsyncTarget: RsyncLocation?
    /// `rsync_source`: the peer's read-only export of its data directory, for pulls of a cleanly stopped cluster.
    public var rsyncSource: RsyncLocation?
    /// `rsync_password_file`: the rsync daemon password file (`--password-file`).
    public var rsyncPasswordFile: String?
    /// `rsync_ssh_options`: extra ssh arguments when rsync uses a remote shell.
    public var rsyncSSHOptions: [String]
    /// `dumpall_source`: the conninfo the standby dumps from (never with a password in it).
    public var dumpallSource: String?
    /// `snapshot_dir`: where the standby keeps its snapshots.
    public var snapshotDirectory: String?
    /// `snapshot_keep`: how many complete snapshots to keep.
    public var snapshotKeep: Int
    /// `sync_lockfile`: the `flock` that keeps rounds from overlapping.
    public var lockfile: String
    /// `sync_interval`: how often the agent runs a round itself; zero means cron only.
    public var interval: Duration

    /// The default `snapshot_keep`, 2.
    public static let defaultSnapshotKeep = 2
    /// The default `sync_lockfile`.
    public static let defaultLockfile = "/run/lock/pgpair-sync.lock"

    /// Creates sync settings.
    public init(
        method: Method? = nil,
        rsyncTarget: RsyncLocation? = nil,
        rsyncSource: RsyncLocation? = nil,
        rsyncPasswordFile: String? = nil,
        rsyncSSHOptions: [String] = [],
        dumpallSource: String? = nil,
        snapshotDirectory: String? = nil,
        snapshotKeep: Int = defaultSnapshotKeep,
        lockfile: String = defaultLockfile,
        interval: Duration = .zero
    ) {
        self.method = method
        self.rsyncTarget = rsyncTarget
        self.rsyncSource = rsyncSource
        self.rsyncPasswordFile = rsyncPasswordFile
        self.rsyncSSHOptions = rsyncSSHOptions
        self.dumpallSource = dumpallSource
        self.snapshotDirectory = snapshotDirectory
        self.snapshotKeep = snapshotKeep
        self.lockfile = lockfile
        self.interval = interval
    }
}
