import PairCore

/// Heartbeat messages rejected since the agent started, by reason.
public struct RejectedCounts: Sendable, Equatable, Codable {
    /// Wrong or unknown key, or a signature that does not match.
    public var auth: Int
    /// A message not newer than the last one accepted on its link: a duplicate or a replayed capture.
    public var replay: Int
    /// Anything that is not a well-formed message: truncated, oversized, garbage, a missing field.
    public var malformed: Int

    /// Creates counts.
    public init(auth: Int = 0, replay: Int = 0, malformed: Int = 0) {
        self.auth = auth
        self.replay = replay
        self.malformed = malformed
    }

    /// Counts one more rejection of `kind`.
    public mutating func count(_ kind: HeartbeatRejection.Kind) {
        switch kind {
        case .auth: auth += 1
        case .replay: replay += 1
        case .malformed: malformed += 1
        }
    }
}
