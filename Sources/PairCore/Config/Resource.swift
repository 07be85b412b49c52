/// One resource of a haresources group.
public struct Resource: Sendable, Equatable {
    /// What the resource is and its arguments.
    public enum Kind: Sendable, Equatable {
        /// `IPaddr::…` or `IPaddr2::…` or a bare address: the service address.
        case serviceAddress(ServiceAddress)
        /// `pgsql[::PGDATA]`: PostgreSQL with pgpair's data handling, on the resolved data directory.
        case postgres(dataDirectory: String)
        /// Any other name: a script called with its arguments and `start`, `stop` or `status`.
        case script(name: String, path: String, arguments: [String])
    }

    /// What the resource is.
    public var kind: Kind
    /// The resource as written in haresources, e.g. `10.0.0.100` or `IPaddr::10.0.0.100/24/eth0`.
    public var written: String
    /// The haresources line it is on.
    public var line: Int

    /// Creates a resource.
    public init(kind: Kind, written: String, line: Int) {
        self.kind = kind
        self.written = written
        self.line = line
    }

    /// True for `pgsql`.
    public var isPostgres: Bool {
        if case .postgres = kind { return true }
        return false
    }

    /// True for a service address.
    public var isServiceAddress: Bool {
        if case .serviceAddress = kind { return true }
        return false
    }
}
