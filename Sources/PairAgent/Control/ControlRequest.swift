/// One request on the control socket: a JSON object on one line, e.g. `{"command":"status"}`.
public struct ControlRequest: Sendable, Equatable, Codable {
    /// What the client asks for.
    public enum Command: String, Sendable, Equatable, Codable, CaseIterable {
        /// The node's view. Allowed to members of `control_socket_group` as well as to root.
        case status
    }

    /// What the client asks for.
    public var command: Command

    /// Creates a request.
    public init(command: Command) {
        self.command = command
    }

    /// True for the commands that only read; every other command needs root (or the agent's own user).
    public var isReadOnly: Bool { command == .status }
}
