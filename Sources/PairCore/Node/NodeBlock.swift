/// Why a node refuses to take over or move groups.
///
/// Blocks from passing conditions (`noPingTarget`, `addressInUse`, `fenceFailed`) are re-checked continuously and
/// clear themselves; blocks that protect data need `pgpair unblock` (refused while the cause holds) or
/// `pgpair takeover --force`.
public enum NodeBlock: Sendable, Equatable {
    /// No ping target answered since the peer fell silent: this node may be the one cut off.
    case noPingTarget
    /// No heartbeat medium can be used here (every interface down, the serial line unopenable): the peer's silence
    /// says nothing.
    case noMedium
    /// Another host answers ARP for a service address (the peer may be frozen, or a third host has it).
    case addressInUse(IPv4Address)
    /// Fencing the peer failed `attempts` times; it is retried on a backoff.
    case fenceFailed(attempts: Int)
    /// The peer has not been heard since this node started, and this node's data is a standby copy.
    case coldStart
    /// This node was active at `epoch` and did not stop cleanly, and the peer has not been heard to compare epochs.
    case uncleanStop(epoch: UInt64)
    /// A group's stop failed every attempt: it may still run here.
    case failedStop(group: String)
    /// Both nodes held the `pgsql` group; the peer's takeover was newer, so this node stopped it and set its data
    /// directory aside.
    case healedPartition(group: String, epoch: UInt64, peerEpoch: UInt64)
    /// A group failed here (its start, or `restart_limit` restarts) and the peer cannot take it.
    case cannotRun(group: String)

    /// True when only an operator clears the block (`pgpair unblock` or `pgpair takeover --force`).
    public var needsOperator: Bool {
        switch self {
        case .noPingTarget, .noMedium, .addressInUse, .fenceFailed: return false
        case .coldStart, .uncleanStop, .failedStop, .healedPartition, .cannotRun: return true
        }
    }

    /// The reason in plain words, with the next step, as `status` shows it (`blocked_reason`).
    public func reason(peer: String) -> String {
        switch self {
        case .noPingTarget:
            return "no ping target answers, so this node may be the one cut off; it takes over once a target "
                + "answers, or stays standby if \(peer) is heard again. Check this node's network."
        case .noMedium:
            return "no heartbeat medium can be used on this node (every heartbeat interface is down or the serial "
                + "line cannot be opened), so \(peer)'s silence proves nothing; this node takes over nothing until a "
                + "medium works again. Check this node's heartbeat interfaces and serial line."
        case .addressInUse(let address):
            return "another host answers ARP for the service address \(address) (\(peer) may be frozen, or a third "
                + "host has the address); this node takes over once the address is free, or stays standby if "
                + "\(peer) is heard again."
        case .fenceFailed(let attempts):
            return "fencing \(peer) failed (\(attempts) attempts) and is retried; this node takes over once a fence "
                + "is confirmed. If \(peer) is known to be off, run `pgpair takeover --force`."
        case .coldStart:
            return "cold start: \(peer) has not been heard since this node started and this node's data is a standby "
                + "copy. Start \(peer) and run `pgpair unblock` once it is heard; if it is gone for good and this copy is "
                + "acceptable, run `pgpair takeover --force`."
        case .uncleanStop(let epoch):
            return "this node was active (epoch \(epoch)) and did not stop cleanly, and \(peer) has not been heard, "
                + "so it may have taken over since. Start \(peer) and run `pgpair unblock` once it is heard; if it "
                + "is gone for good, run `pgpair takeover --force`."
        case .failedStop(let group):
            return "group \(group) failed to stop and may still run here. Stop it by hand (see the log), then run "
                + "`pgpair unblock` to try the stop again."
        case .healedPartition(let group, let epoch, let peerEpoch):
            return "both nodes held \(group) (a healed partition); \(peer)'s takeover (epoch \(peerEpoch)) is newer "
                + "than this node's (epoch \(epoch)), so this node stopped it and set its data directory aside. "
                + "Recover what only the set-aside data holds, then run `pgpair unblock`."
        case .cannotRun(let group):
            return "group \(group) failed here and \(peer) cannot take it. Fix the cause (see the log), then run "
                + "`pgpair unblock` or `pgpair takeover`."
        }
    }
}
