/// How heartbeat messages are signed.
public enum AuthMethod: String, Sendable, Equatable, CaseIterable {
    /// HMAC-SHA-256: the default and the recommendation.
    case sha256
    /// HMAC-SHA-1.
    case sha1
    /// HMAC-MD5.
    case md5
    /// A CRC: detects corruption, authenticates nothing.
    case crc

    /// True for the HMAC methods, which need a key.
    public var needsKey: Bool { self != .crc }
}
