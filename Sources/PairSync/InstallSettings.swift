import PairCore

/// What an install needs from the configuration.
public struct InstallSettings: Sendable, Equatable {
    /// The data directory PostgreSQL starts on (`pgsql::PGDATA`, else `pgdata`).
    public var dataDirectory: String
    /// `snapshot_dir`; nil when this node keeps no snapshots (the data directory is then always kept).
    public var snapshotDirectory: String?
    /// `pg_user`: the owner of the installed directory (mode 0700).
    public var owner: String
    /// `pg_bindir`, for `pg_controldata` (nil: found through `PATH`).
    public var binDirectory: String?
    /// `sync_lockfile`: held while installing, so no snapshot is published or pruned meanwhile.
    public var lockfile: String
    /// How long to wait for the sync lock (a round or a publish finishing) before giving up.
    public var lockWait: Duration

    /// Settings.
    public init(
        dataDirectory: String, snapshotDirectory: String?, owner: String, binDirectory: String?, lockfile: String,
        lockWait: Duration = .seconds(30)
    ) {
        self.dataDirectory = dataDirectory
        self.snapshotDirectory = snapshotDirectory
        self.owner = owner
        self.binDirectory = binDirectory
        self.lockfile = lockfile
        self.lockWait = lockWait
    }

    /// The settings for `dataDirectory` from ha.cf.
    public init(configuration: HAConfiguration, dataDirectory: String) {
        self.init(
            dataDirectory: dataDirectory, snapshotDirectory: configuration.sync.snapshotDirectory,
            owner: configuration.postgres.user, binDirectory: configuration.postgres.binDirectory,
            lockfile: configuration.sync.lockfile)
    }
}
