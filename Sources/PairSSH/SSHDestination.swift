/// Who to log in as, where: `USER@HOST[:PORT]`.
public struct SSHDestination: Sendable, Equatable, CustomStringConvertible {
    /// The login user.
    public var user: String
    /// The host name or address, as written in the known_hosts file.
    public var host: String
    /// The ssh port.
    public var port: UInt16

    /// A destination.
    public init(user: String, host: String, port: UInt16 = 22) {
        self.user = user
        self.host = host
        self.port = port
    }

    /// `user@host`, or `user@host:port` for a port other than 22.
    public var description: String {
        port == 22 ? "\(user)@\(host)" : "\(user)@\(host):\(port)"
    }
}
