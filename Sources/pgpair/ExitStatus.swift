import ArgumentParser

/// The exit statuses DESIGN.md's command-line contract documents.
enum ExitStatus {
    /// A configuration error (sysexits EX_CONFIG).
    static let configError = ExitCode(78)
}
