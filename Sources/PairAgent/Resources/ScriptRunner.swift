/// Runs a haresources resource script: its `::` arguments, then `start`, `stop` or `status`.
public protocol ScriptRunner: Sendable {
    /// Runs the script at `path` with `arguments` and `action`; a non-zero exit is a result, not an error.
    func run(scriptAt path: String, arguments: [String], action: ScriptAction) async throws -> ProcessOutcome
}

/// Runs resource scripts as child processes, each bounded by `timeout`.
public struct ProcessScriptRunner: ScriptRunner {
    private let processes: any ProcessRunner
    private let timeout: Duration

    /// A script runner over `processes`, each call bounded by `timeout` (`resource_timeout`).
    public init(processes: any ProcessRunner = SubprocessRunner(), timeout: Duration) {
        self.processes = processes
        self.timeout = timeout
    }

    public func run(scriptAt path: String, arguments: [String], action: ScriptAction) async throws
        -> ProcessOutcome
    {
        try await processes.run(ProcessCommand(path, arguments + [action.rawValue], timeout: timeout))
    }
}
