/// How a remote command ended, as its host reported it.
public struct SSHCommandResult: Sendable, Equatable {
    /// How it ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (the signal's name as the host sent it, e.g. `KILL`).
        case signalled(String)
    }

    /// How it ended.
    public var termination: Termination
    /// The start of its standard output and error (each in the order it came), up to the request's limit.
    public var output: String
    /// The host key's SHA-256 fingerprint, as `ssh-keygen -l` shows it.
    public var hostKeyFingerprint: String

    /// A result.
    public init(termination: Termination, output: String, hostKeyFingerprint: String) {
        self.termination = termination
        self.output = output
        self.hostKeyFingerprint = hostKeyFingerprint
    }

    /// True when it exited with status 0.
    public var succeeded: Bool { termination == .exited(0) }

    /// "exit status N" or "signal NAME", then the output's last line when there is one.
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
