/// Why a resource's start, stop or status failed. The message says what happened and what to look at next; it
/// never holds a password or a full connection string.
public struct ResourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable {
        /// A child process could not be started (missing program, no permission).
        case spawnFailed
        /// The action did not finish within `resource_timeout`.
        case timedOut
        /// The action ran and reported failure (non-zero exit, unexpected state).
        case actionFailed
        /// The resource answered `status` with something that is neither running nor stopped.
        case statusUnknown
        /// The configuration does not say enough to act (no interface for an address, no data directory).
        case misconfigured
    }

    /// What kind of failure.
    public var code: Code
    /// What happened, for the log and the operator.
    public var message: String

    /// An error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
