/// A remote rsync location: a daemon module (`HOST::MODULE/PATH`, `rsync://HOST[:PORT]/MODULE/PATH`) or a path
/// reached through a remote shell (`[USER@]HOST:PATH`).
public struct RsyncLocation: Sendable, Equatable {
    /// How rsync reaches the other side.
    public enum Transport: String, Sendable, Equatable {
        /// An rsync daemon module.
        case daemon
        /// A remote shell (ssh), with `rsync_ssh_options`.
        case remoteShell = "remote shell"
    }

    /// How rsync reaches the other side.
    public var transport: Transport
    /// The user name given before `@`, if any.
    public var user: String?
    /// The host.
    public var host: String
    /// The daemon's port from an `rsync://` URL, if given.
    public var port: UInt16?
    /// The daemon module (daemon transport only).
    public var module: String?
    /// The path inside the module, or on the remote host; may be empty for a module's root.
    public var path: String
    /// The location as written; this is what is passed to rsync.
    public var written: String

    /// Creates a location.
    public init(
        transport: Transport, user: String?, host: String, port: UInt16?, module: String?, path: String,
        written: String
    ) {
        self.transport = transport
        self.user = user
        self.host = host
        self.port = port
        self.module = module
        self.path = path
        self.written = written
    }
}
