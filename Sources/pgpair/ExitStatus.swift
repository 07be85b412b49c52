import ArgumentParser

/// The exit statuses DESIGN.md's command-line contract documents.
enum ExitStatus {
    /// Not running: `status` found no agent, `resource status` found the resource stopped (LSB's 3).
    static let notRunning = ExitCode(3)
    /// A configuration error (sysexits EX_CONFIG).
    static let configError = ExitCode(78)
    /// Refused for now, or timed out (sysexits EX_TEMPFAIL).
    static let temporaryFailure = ExitCode(75)
}
