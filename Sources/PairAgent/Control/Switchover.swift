import PairCore

/// A planned switchover that `pgpair standby` or `pgpair takeover` waits for, judged from `status` views alone:
/// the command takes one view before it asks, then polls and calls `verdict(before:latest:)` on each new view.
public enum Switchover: Sendable, Equatable {
    /// `standby`: every group this node held before is held by the peer and running.
    case handOver
    /// `takeover`: this node holds every group and each is running.
    case takeOver

    /// Done, failed (with why, in words for the operator), or not yet.
    ///
    /// Done is checked first: a switchover that finished is not undone by what happens next. It fails when this
    /// node is blocked or in maintenance, when a group it waits for failed, and when the other node cannot do its
    /// part: for a handover, a peer that died, is blocked or is in maintenance takes nothing; for a takeover, a
    /// peer in maintenance does not release what it holds.
    public func verdict(before: NodeStatus, latest: NodeStatus) -> SwitchoverVerdict {
        let awaited = awaitedGroups(before: before, latest: latest)
        if awaited.allSatisfy({ isDone($0, latest) }) { return .done }
        if latest.role == .blocked {
            let reason = latest.blockedReason ?? "no reason given"
            let clears = latest.blockNeedsOperator ? "needs an operator" : "clears by itself"
            return .failed("\(latest.node) is blocked (\(clears)): \(reason)")
        }
        if latest.role == .maintenance {
            return .failed("\(latest.node) is in maintenance mode; run `pgpair maintenance off` first")
        }
        if let failed = awaited.first(where: { $0.state == .failed }) {
            return .failed("group \(failed.group) failed on \(failed.owner ?? latest.node); see the agent's log")
        }
        return peerProblem(latest, awaited: awaited).map(SwitchoverVerdict.failed) ?? .waiting
    }

    /// The groups in `latest` this switchover waits for.
    private func awaitedGroups(before: NodeStatus, latest: NodeStatus) -> [GroupStatus] {
        switch self {
        case .handOver:
            let heldBefore = Set(before.resources.filter { $0.owner == before.node }.map(\.group))
            return latest.resources.filter { heldBefore.contains($0.group) }
        case .takeOver:
            return latest.resources
        }
    }

    private func isDone(_ group: GroupStatus, _ latest: NodeStatus) -> Bool {
        let owner = self == .handOver ? latest.peer.node : latest.node
        return group.owner == owner && group.state == .running
    }

    /// Why the peer will not do its part, if it will not.
    private func peerProblem(_ latest: NodeStatus, awaited: [GroupStatus]) -> String? {
        let peer = latest.peer
        switch self {
        case .handOver:
            if peer.state == .dead { return "the peer \(peer.node) died before it held the groups" }
            if peer.state == .up, let role = peer.role, role == .blocked || role == .maintenance {
                return "the peer \(peer.node) is \(role.rawValue) and takes nothing; see `pgpair status` there"
            }
        case .takeOver:
            let held = awaited.filter { $0.owner == peer.node }.map(\.group)
            if peer.state == .up, peer.role == .maintenance, !held.isEmpty {
                return "the peer \(peer.node) is in maintenance mode and keeps \(held.joined(separator: ", "))"
            }
        }
        return nil
    }
}
