/// The validated contents of `authkeys`: the key that signs, and every key that is accepted.
public struct AuthKeys: Sendable, Equatable {
    /// The id named by `auth N`: outgoing messages are signed with this key.
    public var signingKeyID: Int
    /// Every key listed; incoming messages signed with any of them are accepted, so keys can be rotated.
    public var keys: [AuthKey]

    /// Creates the key set; `signingKeyID` must name one of `keys`.
    public init(signingKeyID: Int, keys: [AuthKey]) {
        self.signingKeyID = signingKeyID
        self.keys = keys
    }

    /// The key outgoing messages are signed with.
    public var signingKey: AuthKey? { keys.first { $0.id == signingKeyID } }

    /// The key with id `id`, for checking an incoming message.
    public func key(withID id: Int) -> AuthKey? { keys.first { $0.id == id } }

    /// The key ids heartbeat accepts.
    public static let validIDs = 1...15
}
