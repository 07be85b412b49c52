/// Where the agent keeps its state and listens for commands: `state_dir`, `control_socket`, `control_socket_group`.
public struct AgentSettings: Sendable, Equatable {
    /// `state_dir`: generation, epoch, markers and sync records.
    public var stateDirectory: String
    /// `control_socket`: the Unix socket `pgpair status`, `standby`, … talk to.
    public var controlSocket: String
    /// `control_socket_group`: a group whose members may run `pgpair status`; nil when only root may.
    public var controlSocketGroup: String?

    /// The default `state_dir`.
    public static let defaultStateDirectory = "/var/lib/pgpair"
    /// The default `control_socket`.
    public static let defaultControlSocket = "/run/pgpair/pgpair.sock"

    /// Creates agent settings.
    public init(
        stateDirectory: String = defaultStateDirectory,
        controlSocket: String = defaultControlSocket,
        controlSocketGroup: String? = nil
    ) {
        self.stateDirectory = stateDirectory
        self.controlSocket = controlSocket
        self.controlSocketGroup = controlSocketGroup
    }
}
