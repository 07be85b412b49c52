/// One problem found in a configuration file: an error that stops pgpair, or a warning.
///
/// It renders as `FILE:LINE: message` (errors) or `FILE:LINE: warning: message` (warnings); a problem that belongs
/// to the whole file rather than to one line renders as `FILE: message`. Messages never contain a key or a password.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable {
        /// The configuration cannot be used.
        case error
        /// The configuration can be used, but something in it deserves the operator's attention.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// The file's path, as the caller gave it.
    public var file: String
    /// The 1-based line the problem is on, or nil when it concerns the whole file.
    public var line: Int?
    /// What is wrong and what to write instead.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, line: Int?, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// True for errors.
    public var isError: Bool { severity == .error }

    /// The diagnostic as printed: `FILE:LINE: message` or `FILE:LINE: warning: message`.
    public var rendered: String {
        let location = line.map { "\(file):\($0)" } ?? file
        switch severity {
        case .error: return "\(location): \(message)"
        case .warning: return "\(location): warning: \(message)"
        }
    }

    /// Same as ``rendered``.
    public var description: String { rendered }
}
