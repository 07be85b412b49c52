/// The text layout of a heartbeat on the wire: the frame lines, the field names and the size limit.
///
/// ```
/// >>>
/// v=1
/// from=castor
/// gen=12
/// seq=345
/// role=active
/// groups=10.0.0.100
/// epoch=3
/// copy=1767225600000,1767225612000,3
/// deadtime_ms=10000
/// auth=1 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
/// <<<
/// ```
///
/// `released=` and `request=` (groups handed to, or asked of, the receiver; comma-separated like `groups=`) follow
/// `deadtime_ms=` only when they are not empty, so a message without them is unchanged and a receiver that does not
/// know them ignores them. `ping=up|down` (whether the sender reaches a ping target) follows, only from a sender
/// with ping targets.
///
/// `auth=KEYID CODE` is always the last line before `<<<`; CODE is the lower-case hexadecimal HMAC (or CRC-32) of
/// the exact bytes from the start of the `>>>` line up to and including the newline before the `auth=` line.
enum HeartbeatWireFormat {
    /// The first line of every message.
    static let startLine: [UInt8] = Array(">>>".utf8)
    /// The last line of every message.
    static let endLine: [UInt8] = Array("<<<".utf8)
    /// The line end.
    static let newline = UInt8(ascii: "\n")
    /// Separates a field's name from its value.
    static let equals = UInt8(ascii: "=")
    /// The start of the authentication line.
    static let authPrefix: [UInt8] = Array("auth=".utf8)

    /// Field names.
    enum Field {
        static let protocolVersion = "v"
        static let sender = "from"
        static let generation = "gen"
        static let sequence = "seq"
        static let role = "role"
        static let heldGroups = "groups"
        static let epoch = "epoch"
        static let copy = "copy"
        static let deadtime = "deadtime_ms"
        static let releasedGroups = "released"
        static let requestedGroups = "request"
        static let ping = "ping"
    }

    /// The value of `copy` when the sender has none.
    static let noCopy = "none"
}
