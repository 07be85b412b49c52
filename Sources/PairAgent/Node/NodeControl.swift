import PairCore

/// What the control socket asks of the running node: its view for `status`, and the operator's commands.
///
/// The agent's `NodeService` implements it; tests of the control socket use a fake.
public protocol NodeControl: Sendable {
    /// The node's whole view: role, block, epoch, groups, peer and links.
    func status() async -> NodeStatus
    /// Hands an operator command to the state machine. The reply says whether the machine accepted it; what it
    /// leads to (the peer holding the groups, this node holding them) shows in `status` afterwards.
    func request(_ request: OperatorRequest) async -> OperatorReply
}

/// The state machine's answer to an operator command.
public enum OperatorReply: Sendable, Equatable {
    /// Accepted: the machine acts on it.
    case accepted
    /// Refused, with the reason the operator reads.
    case refused(String)
}
