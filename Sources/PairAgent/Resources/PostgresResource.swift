/// The `pgsql[::PGDATA]` resource: installs the newest copy (hook), then starts PostgreSQL on the data directory.
public struct PostgresResource: ManagedResource {
    public let name: String
    /// The data directory: the resource's argument, else `pgdata`.
    public let dataDirectory: String
    private let control: any PostgresControl
    private let installer: any DataDirectoryInstaller

    /// The resource on `dataDirectory`.
    public init(
        name: String, dataDirectory: String, control: any PostgresControl,
        installer: any DataDirectoryInstaller = KeepDataDirectory()
    ) {
        self.name = name
        self.dataDirectory = dataDirectory
        self.control = control
        self.installer = installer
    }

    public func start() async throws {
        try await start(peerReleased: false)
    }

    /// Starts PostgreSQL; before that, installs the newest copy, the peer's cleanly stopped data directory among the
    /// candidates only when `peerReleased` (the handshake of a planned switchover).
    public func start(peerReleased: Bool) async throws {
        switch try? await control.status(dataDirectory: dataDirectory) {
        case .running:
            return
        case .stopped:
            // Install the newest copy before start (the snapshot installer; without snapshot_dir it keeps the directory).
            try await installer.installNewestCopy(into: dataDirectory, peerReleased: peerReleased)
        case nil:
            // A postmaster runs but does not answer yet (starting, recovering): never install under a live server;
            // the control waits for it to become ready.
            break
        }
        try await control.start(dataDirectory: dataDirectory)
    }

    public func stop() async throws {
        try await control.stop(dataDirectory: dataDirectory)
    }

    public func status() async throws -> ResourceState {
        try await control.status(dataDirectory: dataDirectory)
    }
}
