/// A signing key. It never shows itself: description, debug description and reflection are redacted, so a key
/// cannot reach a log or a message by accident.
public struct AuthSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key's bytes (the UTF-8 of the word written in authkeys), for computing HMACs.
    public let bytes: [UInt8]

    /// Creates a secret from its bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `AuthSecret(<redacted>)`.
    public var debugDescription: String { "AuthSecret(<redacted>)" }

    /// A mirror without children, so `dump` and string interpolation of containers show nothing of the key.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
