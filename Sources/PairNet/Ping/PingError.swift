/// Why a ping round could not be run at all. Nothing is then known about the targets: the caller must not take a
/// thrown round for "no target answers" (and may try again). A target that cannot be sent to (no route, interface
/// down) is not an error: it simply does not answer in that round.
public struct PingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The raw ICMP socket could not be created or bound (e.g. no CAP_NET_RAW).
        case socketFailed = "socket_failed"
        /// The round's timeout is not positive, or it has no target.
        case invalidRound = "invalid_round"
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
