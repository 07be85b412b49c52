/// The agent could not start (exit status 1); the reason says what to fix.
public struct AgentStartError: Error, Sendable, CustomStringConvertible {
    /// What prevented the start.
    public var reason: String

    /// Creates the error.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
