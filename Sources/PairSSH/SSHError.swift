/// Why a command could not be run over ssh, or why its result is unknown. The message says what to do next and
/// never holds a passphrase or a key.
public struct SSHError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The host name could not be resolved.
        case resolveFailed = "resolve_failed"
        /// No TCP connection could be made to the host's ssh port.
        case connectFailed = "connect_failed"
        /// The ssh handshake (key exchange) failed.
        case handshakeFailed = "handshake_failed"
        /// The known_hosts file could not be read.
        case knownHostsUnreadable = "known_hosts_unreadable"
        /// The host's key is not in the known_hosts file: nothing was sent to the host.
        case hostKeyUnknown = "host_key_unknown"
        /// The host's key differs from the one in the known_hosts file: nothing was sent to the host.
        case hostKeyMismatch = "host_key_mismatch"
        /// The host refused the key (or the key file could not be used).
        case authenticationFailed = "authentication_failed"
        /// The session channel could not be opened, or the command not started.
        case channelFailed = "channel_failed"
        /// The connection broke before the command's end was reported: whether it ran to its end is unknown.
        case connectionLost = "connection_lost"
        /// The whole exchange did not finish within its timeout.
        case timedOut = "timed_out"
        /// libssh2 could not be initialised.
        case libraryFailed = "library_failed"
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String {
        "\(code.rawValue): \(message)"
    }
}
