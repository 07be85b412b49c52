/// Tells whether a haresources script exists and is executable; the caller implements it (PairCore does no I/O).
public protocol ResourceScriptLocator: Sendable {
    /// What is at `path`.
    func status(ofScriptAt path: String) -> ResourceScriptStatus
}
