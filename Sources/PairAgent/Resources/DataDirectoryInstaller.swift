/// Puts the newest copy of the data this node may use into the data directory before PostgreSQL starts (the sync
/// issue supplies the real one: snapshot, current directory or the peer's, by epoch and checkpoint).
public protocol DataDirectoryInstaller: Sendable {
    /// Installs the newest usable copy into `dataDirectory`, setting aside (never deleting) what it replaces.
    func installNewestCopy(into dataDirectory: String) async throws
}

/// Keeps the data directory as it is: the installer until sync provides one.
public struct KeepDataDirectory: DataDirectoryInstaller {
    /// The installer that changes nothing.
    public init() {}

    public func installNewestCopy(into dataDirectory: String) async throws {}
}
