extension NodeStateMachine {
    /// This node's role: `maintenance` or `blocked` when so, otherwise what it does with the group that holds
    /// `pgsql` (standby, starting, active, stopping).
    public var role: NodeRole {
        switch state {
        case .maintenance: return .maintenance
        case .blocked: return .blocked
        default: break
        }
        guard let index = roleGroupIndex else { return .standby }
        switch records[index].local {
        case .stopped: return .standby
        case .starting: return .starting
        case .running: return .active
        case .stopping, .stopFailed: return .stopping
        }
    }

    /// The block in force; nil when the node is not blocked (maintenance hides a block until it ends).
    public var block: NodeBlock? {
        if case .blocked(let block) = state { return block }
        return nil
    }

    /// Why the node is blocked, in plain words with the next step; nil unless `role` is `blocked`.
    public var blockedReason: String? {
        block?.reason(peer: settings.peerNode)
    }

    /// True when the block needs an operator (`pgpair unblock` or `pgpair takeover --force`).
    public var blockNeedsOperator: Bool {
        block?.needsOperator ?? false
    }

    /// Every group with its home, owner and state, in haresources order.
    public var groupStatuses: [GroupStatus] {
        records.map { record in
            let name = record.name
            let home = record.group.homeNode
            if record.local.isHeld {
                return GroupStatus(group: name, home: home, owner: settings.localNode, state: record.local.status)
            }
            if peer.holds(name) {
                return GroupStatus(group: name, home: home, owner: settings.peerNode, state: peerGroupState(record))
            }
            return GroupStatus(group: name, home: home, owner: nil, state: record.failedHere ? .failed : .stopped)
        }
    }

    /// What this node announces in every heartbeat.
    public var announcement: NodeAnnouncement {
        NodeAnnouncement(
            role: role,
            heldGroups: records.filter(\.local.isHeld).map(\.name),
            epoch: epoch,
            releasedGroups: records.filter { $0.release != nil }.map(\.name),
            requestedGroups: records.filter(\.requested).map(\.name),
            pingReachable: settings.pingConfigured ? pingReachable : nil)
    }

    /// The peer's liveness as this machine sees it.
    public var peerLiveness: PeerLiveness {
        peer.liveness
    }

    /// The earliest pending timer; nil when none is pending. The agent may tick then instead of per action.
    public var nextDeadline: Instant? {
        timers.values.min()
    }

    /// A peer-held group's state: for the role group the peer's role tells starting or stopping; otherwise running.
    private func peerGroupState(_ record: GroupRecord) -> GroupState {
        guard record.name == roleGroupIndex.map({ records[$0].name }) else { return .running }
        switch peer.latest?.role {
        case .starting: return .starting
        case .stopping: return .stopping
        default: return .running
        }
    }
}
