/// Why an operator's command is refused (`pgpair` exits 1 and prints the description).
public enum OperatorRefusal: Sendable, Equatable, CustomStringConvertible {
    /// Maintenance mode is on.
    case maintenance
    /// The agent is stopping.
    case shuttingDown
    /// The startup window (initdead) has not passed; nothing is decided yet.
    case startingUp
    /// The node is blocked; `takeover --force` or `unblock` first.
    case blocked(NodeBlock)
    /// The peer is not up, so it cannot take the groups.
    case peerNotUp
    /// The peer announces a role in which it takes nothing (blocked or maintenance).
    case peerCannotTake(NodeRole)
    /// `unblock` with no block.
    case notBlocked
    /// `unblock` of a block that clears itself.
    case blockClearsItself(NodeBlock)
    /// `unblock` while the block's cause still holds.
    case causeHolds(NodeBlock)

    /// The refusal in one sentence with what to do.
    public var description: String {
        switch self {
        case .maintenance: return "maintenance mode is on; run `pgpair maintenance off` first"
        case .shuttingDown: return "the agent is stopping"
        case .startingUp: return "the node is still waiting for its peer (initdead); try again when it has decided"
        case .blocked(let block):
            return block.needsOperator
                ? "the node is blocked; run `pgpair unblock` once the cause is gone, or `pgpair takeover --force`"
                : "the node is blocked until the condition passes; `pgpair takeover --force` overrides it"
        case .peerNotUp: return "the peer is not up, so it cannot take the groups"
        case .peerCannotTake(let role): return "the peer is \(role.rawValue) and takes nothing; resolve that first"
        case .notBlocked: return "the node is not blocked"
        case .blockClearsItself: return "this block clears itself once the condition passes; nothing to unblock"
        case .causeHolds: return "the cause of the block still holds (see `pgpair status`)"
        }
    }
}
