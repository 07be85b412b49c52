/// One key line of authkeys: `N METHOD [KEY]`.
public struct AuthKey: Sendable, Equatable {
    /// The key id, 1 to 15.
    public var id: Int
    /// The signing method.
    public var method: AuthMethod
    /// The key; nil for `crc`.
    public var secret: AuthSecret?
    /// The authkeys line it is on.
    public var line: Int

    /// Creates a key.
    public init(id: Int, method: AuthMethod, secret: AuthSecret?, line: Int) {
        self.id = id
        self.method = method
        self.secret = secret
        self.line = line
    }
}
