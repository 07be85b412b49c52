/// A failure of the control socket, with what to do about it.
public struct ControlSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// The socket or its directory could not be created, or its mode set.
        case cannotCreate
        /// Another agent answers on the socket.
        case alreadyInUse
        /// `control_socket_group` names no group.
        case noSuchGroup
        /// No agent answers on the socket (for clients).
        case noAgent
        /// The agent's answer could not be read.
        case badResponse
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do next.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
