/// `fence ssh USER@HOST[:PORT] key=PATH known_hosts=PATH command=…`: a command run on a fence host over ssh.
public struct SSHFenceTarget: Sendable, Equatable {
    /// The login user.
    public var user: String
    /// The fence host (a hypervisor, a PDU or IPMI gateway, or the peer itself).
    public var host: String
    /// The ssh port.
    public var port: UInt16
    /// The private key file used to log in.
    public var keyPath: String
    /// The known_hosts file the host key is checked against, strictly.
    public var knownHostsPath: String
    /// The command run on the fence host; exit 0 means the peer is fenced.
    public var command: String

    /// Creates an ssh fence target.
    public init(user: String, host: String, port: UInt16 = 22, keyPath: String, knownHostsPath: String, command: String)
    {
        self.user = user
        self.host = host
        self.port = port
        self.keyPath = keyPath
        self.knownHostsPath = knownHostsPath
        self.command = command
    }
}
