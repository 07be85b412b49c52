/// Puts the newest copy of the data this node may use into the data directory before PostgreSQL starts (the sync
/// issue supplies the real one: snapshot, current directory or the peer's, by epoch and checkpoint).
public protocol DataDirectoryInstaller: Sendable {
    /// Installs the newest usable copy into `dataDirectory`, setting aside (never deleting) what it replaces.
    func installNewestCopy(into dataDirectory: String) async throws
    /// As `installNewestCopy(into:)`; when `peerReleased` (the peer handed the group over by handshake, so it is
    /// alive and reachable), the peer's cleanly stopped data directory is a candidate too. Otherwise the peer is
    /// never contacted.
    func installNewestCopy(into dataDirectory: String, peerReleased: Bool) async throws
}

extension DataDirectoryInstaller {
    /// As `installNewestCopy(into:)`: an installer that has no use for the peer's copy.
    public func installNewestCopy(into dataDirectory: String, peerReleased: Bool) async throws {
        try await installNewestCopy(into: dataDirectory)
    }
}

/// Keeps the data directory as it is: the installer until sync provides one.
public struct KeepDataDirectory: DataDirectoryInstaller {
    /// The installer that changes nothing.
    public init() {}

    public func installNewestCopy(into dataDirectory: String) async throws {}
}
