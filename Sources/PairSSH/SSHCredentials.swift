/// The files a login needs: the private key that authenticates this node, and the known_hosts file the host's
/// key must be in.
public struct SSHCredentials: Sendable, Equatable {
    /// The private key file (OpenSSH or PEM format, without a passphrase); its public half is derived from it.
    public var keyPath: String
    /// The known_hosts file (OpenSSH format) checked strictly: a host whose key is not there, or differs, gets
    /// nothing.
    public var knownHostsPath: String

    /// Credentials.
    public init(keyPath: String, knownHostsPath: String) {
        self.keyPath = keyPath
        self.knownHostsPath = knownHostsPath
    }
}
