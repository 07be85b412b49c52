/// Runs a child process to its end: an argument array (never a shell), a timeout, a bounded output capture, and a
/// teardown when the calling task is cancelled.
public protocol ProcessRunner: Sendable {
    /// Runs `command`; a non-zero exit is a result, not an error. Throws `ResourceError` `.spawnFailed` when the
    /// program cannot be started, `.timedOut` when it outlives its timeout (it is then killed), and
    /// `CancellationError` when the task is cancelled (the child is killed first).
    func run(_ command: ProcessCommand) async throws -> ProcessOutcome
}

/// One child process to run.
public struct ProcessCommand: Sendable, Equatable {
    /// The program's absolute path.
    public var executable: String
    /// The arguments after the program name.
    public var arguments: [String]
    /// Variables added to (or replacing those of) the inherited environment.
    public var environment: [String: String]
    /// The longest the child may run before it is killed.
    public var timeout: Duration
    /// How many bytes of combined standard output and error are kept.
    public var outputLimit: Int

    /// The default `outputLimit`: enough for an error report, not for a runaway script.
    public static let defaultOutputLimit = 16 * 1024

    /// A command.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration,
        outputLimit: Int = defaultOutputLimit
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// The program's file name, for messages.
    public var programName: String {
        executable.split(separator: "/").last.map(String.init) ?? executable
    }
}

/// How a child process ended.
public struct ProcessOutcome: Sendable, Equatable {
    /// How it ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
    }

    /// How it ended.
    public var termination: Termination
    /// The start of its combined standard output and error, up to the command's `outputLimit`.
    public var output: String

    /// An outcome.
    public init(termination: Termination, output: String) {
        self.termination = termination
        self.output = output
    }

    /// True when it exited with status 0.
    public var succeeded: Bool { termination == .exited(0) }

    /// The exit status, or nil when a signal ended it.
    public var exitStatus: Int32? {
        if case .exited(let status) = termination { return status }
        return nil
    }

    /// "exit status N" or "signal N", then the output's last line when there is one, for error messages.
    public var summary: String {
        let how: String
        switch termination {
        case .exited(let status): how = "exit status \(status)"
        case .signalled(let signal): how = "signal \(signal)"
        }
        let lastLine = output.split(whereSeparator: \.isNewline).last.map(String.init)
        return lastLine.map { "\(how): \($0)" } ?? how
    }
}
