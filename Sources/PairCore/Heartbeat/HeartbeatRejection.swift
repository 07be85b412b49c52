/// Why a received heartbeat was not taken: its kind is the `rejected` counter of `status` it counts under, its
/// reason says what was wrong. A reason never holds a key or a message authentication code.
public struct HeartbeatRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `status` counter a rejection counts under.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Signed with a key authkeys does not list, or the signature does not match.
        case auth
        /// A message already seen on that link, or older than one seen: a duplicate or a replayed capture.
        case replay
        /// Not a heartbeat message: truncated, oversized, garbage, a bad field, or from a node not in ha.cf.
        case malformed
    }

    /// The counter it counts under.
    public var kind: Kind
    /// What was wrong, for the log.
    public var reason: String

    /// Creates a rejection.
    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// An authentication failure.
    public static func auth(_ reason: String) -> Self { Self(kind: .auth, reason: reason) }

    /// A replayed or duplicated message.
    public static func replay(_ reason: String) -> Self { Self(kind: .replay, reason: reason) }

    /// A message that is not a valid heartbeat.
    public static func malformed(_ reason: String) -> Self { Self(kind: .malformed, reason: reason) }

    /// `KIND: REASON`, e.g. `malformed: missing field gen`.
    public var description: String { "\(kind.rawValue): \(reason)" }
}
