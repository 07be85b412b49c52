import PairCore

/// One request on the control socket: a JSON object on one line, e.g. `{"command":"status"}` or
/// `{"command":"takeover","force":true}` (the wire form is in `ControlRequest+Codable.swift`).
public enum ControlRequest: Sendable, Equatable {
    /// The node's view. Allowed to members of `control_socket_group` as well as to root.
    case status
    /// An operator's command for the node state machine (`standby`, `takeover`, `maintenance`, `unblock`).
    case operatorCommand(OperatorRequest)

    /// The `command` field of the wire form, also the name logs and refusals use.
    public enum Command: String, Sendable, Equatable, CaseIterable {
        /// `pgpair status`.
        case status
        /// `pgpair standby`.
        case standby
        /// `pgpair takeover [--force]`.
        case takeover
        /// `pgpair maintenance on|off`.
        case maintenance
        /// `pgpair unblock`.
        case unblock
    }

    /// The command's name.
    public var command: Command {
        switch self {
        case .status: return .status
        case .operatorCommand(.standby): return .standby
        case .operatorCommand(.takeover): return .takeover
        case .operatorCommand(.maintenance): return .maintenance
        case .operatorCommand(.unblock): return .unblock
        }
    }

    /// True for the commands that only read; every other command needs root (or the agent's own user).
    public var isReadOnly: Bool { self == .status }
}
