/// A failure of the lab itself (not of the system under test).
public struct LabError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// This process's network namespace has a route off the machine: the lab refuses to start.
        case notIsolated = "not_isolated"
        /// A helper command exited non-zero.
        case commandFailed = "command_failed"
        /// A helper command did not finish in time and was torn down.
        case commandTimedOut = "command_timed_out"
        /// A process the lab started could not be started, or exited when it should run.
        case processFailed = "process_failed"
        /// A process did not become ready in time.
        case notReady = "not_ready"
        /// The call does not fit the lab's state (e.g. PostgreSQL started twice).
        case invalidState = "invalid_state"
        /// An executable the lab needs is missing.
        case missingExecutable = "missing_executable"
        /// A file of the lab (registry, configuration) could not be read or written.
        case file = "file"
        /// The client probe printed no report.
        case probeFailed = "probe_failed"
    }

    public var code: Code
    /// What happened and what to do about it.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String {
        "lab \(code.rawValue): \(message)"
    }
}
