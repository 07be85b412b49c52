/// The agent's answer on the control socket: one JSON object, then the agent closes the connection.
public struct ControlResponse: Sendable, Equatable, Codable {
    /// True when the request was carried out.
    public var ok: Bool
    /// Why not, in plain words, when `ok` is false.
    public var error: String?
    /// The node's view, for `status`.
    public var status: NodeStatus?

    /// Creates a response.
    public init(ok: Bool, error: String? = nil, status: NodeStatus? = nil) {
        self.ok = ok
        self.error = error
        self.status = status
    }

    /// A refusal with its reason.
    public static func refused(_ reason: String) -> ControlResponse {
        ControlResponse(ok: false, error: reason)
    }
}
