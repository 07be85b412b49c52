/// Turns heartbeat messages into signed wire bytes and back (see `HeartbeatWireFormat` for the layout).
///
/// Outgoing messages are signed with the key `auth N` names; incoming ones are accepted when signed with any key
/// authkeys lists, with the method authkeys gives that key id, so keys can be rotated. A key removed from authkeys
/// (a new codec after SIGHUP) stops being accepted.
public struct HeartbeatCodec: Sendable {
    /// The keys that sign and check messages.
    public var keys: AuthKeys

    /// The largest message accepted, in bytes; larger ones are rejected as malformed. A usual message is about
    /// 200 bytes.
    public static let maximumMessageSize = 1024

    /// Creates a codec. `keys.signingKey` must exist to encode (a validated authkeys guarantees it).
    public init(keys: AuthKeys) {
        self.keys = keys
    }

    /// The message as signed wire bytes, from `>>>` to `<<<` with `\n` line ends.
    ///
    /// Names are written with `%XX` escapes for `%`, `,`, `=`, blanks and control characters. A name with a
    /// control character, or an empty one, is rejected by the receiver.
    public func encode(_ message: HeartbeatMessage) -> [UInt8] {
        guard let key = keys.signingKey else {
            preconditionFailure("authkeys names signing key \(keys.signingKeyID), which it does not define")
        }
        typealias Field = HeartbeatWireFormat.Field
        let copy = message.copy.map { "\($0.startedAt),\($0.finishedAt),\($0.epoch)" } ?? HeartbeatWireFormat.noCopy
        let lines = [
            ">>>",
            "\(Field.protocolVersion)=\(message.protocolVersion)",
            "\(Field.sender)=\(HeartbeatNameEscaping.escape(message.sender))",
            "\(Field.generation)=\(message.generation)",
            "\(Field.sequence)=\(message.sequence)",
            "\(Field.role)=\(message.role.rawValue)",
            "\(Field.heldGroups)=\(message.heldGroups.map(HeartbeatNameEscaping.escape).joined(separator: ","))",
            "\(Field.epoch)=\(message.epoch)",
            "\(Field.copy)=\(copy)",
            "\(Field.deadtime)=\(max(0, message.deadtime.wholeMilliseconds))",
        ]
        // Written only when not empty, so a message without a handshake is byte for byte what version 1 sent.
        let handshake = [
            (Field.releasedGroups, message.releasedGroups), (Field.requestedGroups, message.requestedGroups),
        ]
        .filter { !$0.1.isEmpty }
        .map { name, groups in "\(name)=\(groups.map(HeartbeatNameEscaping.escape).joined(separator: ","))" }
        let ping = message.pingReachable.map { ["\(Field.ping)=\($0 ? "up" : "down")"] } ?? []
        return Self.sign(Array(((lines + handshake + ping).joined(separator: "\n") + "\n").utf8), with: key)
    }

    /// `body` (from `>>>` to the newline before `auth=`) followed by its `auth=` line under `key` and `<<<`.
    static func sign(_ body: [UInt8], with key: AuthKey) -> [UInt8] {
        let code = HexEncoding.encode(HeartbeatSignature.code(for: body, key: key))
        return body + Array("auth=\(key.id) \(code)\n<<<\n".utf8)
    }
}
