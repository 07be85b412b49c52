/// What a ``ResourceScriptLocator`` found at one path.
public enum ResourceScriptStatus: Sendable, Equatable {
    /// A regular file the running user may execute.
    case executable
    /// Something is there, but it is not an executable file (a plain file without `x`, a directory, …).
    case notExecutable
    /// Nothing is there.
    case missing
}
