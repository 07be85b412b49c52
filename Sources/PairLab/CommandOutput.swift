/// What a finished helper command left: its exit status and its captured output.
public struct CommandOutput: Sendable, Equatable {
    /// The command line, for messages.
    public var command: [String]
    /// The exit code, or 128 + the signal number when a signal ended it.
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String

    public init(command: [String], exitCode: Int32, standardOutput: String, standardError: String) {
        self.command = command
        self.exitCode = exitCode
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    public var succeeded: Bool {
        exitCode == 0
    }

    /// This output, or a `commandFailed` error naming the command, its status and its error output.
    public func checked() throws(LabError) -> CommandOutput {
        guard succeeded else {
            let detail = standardError.isEmpty ? standardOutput : standardError
            throw LabError(
                .commandFailed,
                "`\(command.joined(separator: " "))` exited \(exitCode): \(detail.suffix(2_000))"
            )
        }
        return self
    }
}
