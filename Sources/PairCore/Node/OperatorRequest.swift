/// An administrator's command, from the control socket.
public enum OperatorRequest: Sendable, Equatable {
    /// `pgpair standby`: hand this node's groups to the peer.
    case standby
    /// `pgpair takeover [--force]`: take the groups; `force` overrides a block (logged loudly).
    case takeover(force: Bool)
    /// `pgpair maintenance on|off`: stop or resume every automatic action.
    case maintenance(on: Bool)
    /// `pgpair unblock`: clear a block that needs an operator, once its cause is gone.
    case unblock
}
