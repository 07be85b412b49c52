import PairCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds haresources scripts on the local file system.
public struct FileSystemScriptLocator: ResourceScriptLocator {
    /// Creates a locator.
    public init() {}

    /// Whether the script at `path` exists and is executable.
    public func status(ofScriptAt path: String) -> ResourceScriptStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else { return .notExecutable }
        return .executable
    }
}
