@testable import PairCore

/// Shared keys and messages for the heartbeat tests.
enum HeartbeatFixtures {
    static let sha256Key = AuthKey(
        id: 1, method: .sha256, secret: AuthSecret(bytes: Array("castor-pollux-sha256-key".utf8)), line: 2)
    static let sha1Key = AuthKey(
        id: 2, method: .sha1, secret: AuthSecret(bytes: Array("castor-pollux-sha1-key".utf8)), line: 3)
    static let md5Key = AuthKey(
        id: 3, method: .md5, secret: AuthSecret(bytes: Array("castor-pollux-md5-key".utf8)), line: 4)
    static let crcKey = AuthKey(id: 4, method: .crc, secret: nil, line: 5)
    /// Same id and method as `sha256Key`, another secret.
    static let otherSha256Key = AuthKey(
        id: 1, method: .sha256, secret: AuthSecret(bytes: Array("an-attacker-guesses-a-key".utf8)), line: 2)

    static let allKeys = [sha256Key, sha1Key, md5Key, crcKey]

    /// A codec that signs with `signing` and accepts `accepted` (all four keys unless told).
    static func codec(signing: AuthKey = sha256Key, accepting accepted: [AuthKey] = allKeys) -> HeartbeatCodec {
        HeartbeatCodec(keys: AuthKeys(signingKeyID: signing.id, keys: accepted))
    }

    /// castor, active, holding one group, with a copy.
    static let message = HeartbeatMessage(
        sender: "castor", generation: 12, sequence: 345, role: .active, heldGroups: ["10.0.0.100"], epoch: 3,
        copy: SyncStamp(startedAt: 1_767_225_600_000, finishedAt: 1_767_225_612_000, epoch: 3),
        deadtime: .seconds(10))

    /// The body lines of `message`, without `>>>` and `auth=`.
    static let messageLines = [
        "v=1", "from=castor", "gen=12", "seq=345", "role=active", "groups=10.0.0.100", "epoch=3",
        "copy=1767225600000,1767225612000,3", "deadtime_ms=10000",
    ]

    /// `>>>`, the lines, each ending with a newline: the bytes a signature covers.
    static func body(_ lines: [String]) -> [UInt8] {
        Array((([">>>"] + lines).joined(separator: "\n") + "\n").utf8)
    }

    /// A message made of `lines`, signed with `key` as the codec signs.
    static func signed(_ lines: [String], with key: AuthKey = sha256Key) -> [UInt8] {
        HeartbeatCodec.sign(body(lines), with: key)
    }

    /// `messageLines` with the line of field `name` replaced by `replacement` (or removed when nil).
    static func lines(replacing name: String, with replacement: String?) -> [String] {
        messageLines.compactMap { $0.hasPrefix(name + "=") ? replacement : $0 }
    }

    /// A message from `sender` at (generation, sequence), for the tracker.
    static func heartbeat(from sender: String = "pollux", generation: UInt64, sequence: UInt64) -> HeartbeatMessage {
        HeartbeatMessage(
            sender: sender, generation: generation, sequence: sequence, role: .standby, heldGroups: [], epoch: 0,
            copy: nil, deadtime: .seconds(10))
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
