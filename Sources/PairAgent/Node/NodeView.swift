import PairCore

/// The state machine's side of `status`, published by the node loop after every input.
struct NodeView: Sendable, Equatable {
    var role: NodeRole
    var blockedReason: String?
    var blockNeedsOperator: Bool
    var epoch: UInt64
    var groups: [GroupStatus]
    /// The latest continuous ping round's targets.
    var ping: [PingTargetStatus] = []

    init(_ machine: NodeStateMachine<ContinuousClock.Instant>) {
        role = machine.role
        blockedReason = machine.blockedReason
        blockNeedsOperator = machine.blockNeedsOperator
        epoch = machine.epoch
        groups = machine.groupStatuses
    }
}
