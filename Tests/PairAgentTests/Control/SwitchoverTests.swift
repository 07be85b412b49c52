import PairCore
import Testing

@testable import PairAgent

/// castor's view: its role, its peer pollux's liveness and role, and its groups as (name, owner, state).
private func view(
    _ role: NodeRole, peer: PeerLiveness = .up, peerRole: NodeRole? = .standby,
    blockedReason: String? = nil, needsOperator: Bool = false, _ groups: [(String, String?, GroupState)]
) -> NodeStatus {
    NodeStatus(
        node: "castor", role: role, blockedReason: blockedReason, blockNeedsOperator: needsOperator, epoch: 1,
        generation: 1, protocolVersion: 1,
        peer: PeerStatus(node: "pollux", state: peer, role: peerRole, epoch: 1, links: [], rejected: .init()),
        resources: groups.map { GroupStatus(group: $0.0, home: "castor", owner: $0.1, state: $0.2) })
}

@Suite struct SwitchoverTests {
    static let castorHoldsBoth = view(.active, [("ip", "castor", .running), ("pgsql", "castor", .running)])
    static let polluxHoldsBoth = view(
        .standby, peerRole: .active, [("ip", "pollux", .running), ("pgsql", "pollux", .running)])

    // MARK: handing over (`standby`)

    @Test func handOverIsDoneWhenThePeerRunsEveryGroupThisNodeHeld() {
        #expect(Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: Self.polluxHoldsBoth) == .done)
    }

    @Test(arguments: [
        view(.stopping, [("ip", "castor", .running), ("pgsql", "castor", .stopping)]),
        view(.standby, [("ip", nil, .stopped), ("pgsql", nil, .stopped)]),
        view(.standby, peerRole: .starting, [("ip", "pollux", .running), ("pgsql", "pollux", .starting)]),
        view(.standby, peerRole: .active, [("ip", "pollux", .running), ("pgsql", nil, .stopped)]),
        view(.standby, peer: .unknown, peerRole: nil, [("ip", nil, .stopped), ("pgsql", nil, .stopped)]),
    ])
    func handOverWaitsWhileAGroupIsOnItsWay(latest: NodeStatus) {
        #expect(Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest) == .waiting)
    }

    @Test func handOverWaitsOnlyForTheGroupsThisNodeHeldBefore() {
        let before = view(.active, [("ip", "castor", .running), ("extra", "pollux", .running)])
        let latest = view(.standby, peerRole: .active, [("ip", "pollux", .running), ("extra", nil, .stopped)])
        #expect(Switchover.handOver.verdict(before: before, latest: latest) == .done)
    }

    @Test func handOverOfNothingIsDoneAtOnce() {
        let idle = view(.standby, [("ip", nil, .stopped)])
        #expect(Switchover.handOver.verdict(before: idle, latest: idle) == .done)
    }

    @Test func handOverFailsWhenThisNodeIsBlocked() {
        let latest = view(
            .blocked, blockedReason: "the stop of pgsql failed", needsOperator: true,
            [("ip", "castor", .running), ("pgsql", "castor", .failed)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("castor is blocked (needs an operator): the stop of pgsql failed"))
    }

    @Test func aBlockThatClearsItselfStillFailsAndSaysSo() {
        let latest = view(.blocked, blockedReason: "no ping target answers", [("ip", nil, .stopped)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("castor is blocked (clears by itself): no ping target answers"))
    }

    @Test func handOverFailsWhenThisNodeEntersMaintenance() {
        let latest = view(.maintenance, [("ip", "castor", .running), ("pgsql", "castor", .running)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("castor is in maintenance mode; run `pgpair maintenance off` first"))
    }

    @Test func handOverFailsWhenAGroupFailsHere() {
        let latest = view(.stopping, [("ip", "castor", .running), ("pgsql", "castor", .failed)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("group pgsql failed on castor; see the agent's log"))
    }

    @Test func handOverFailsWhenThePeerDies() {
        let latest = view(
            .standby, peer: .dead, peerRole: .starting, [("ip", nil, .stopped), ("pgsql", nil, .stopped)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("the peer pollux died before it held the groups"))
    }

    @Test(arguments: [NodeRole.blocked, .maintenance])
    func handOverFailsWhenThePeerTakesNothing(peerRole: NodeRole) {
        let latest = view(.standby, peerRole: peerRole, [("ip", nil, .stopped), ("pgsql", nil, .stopped)])
        #expect(
            Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest)
                == .failed("the peer pollux is \(peerRole.rawValue) and takes nothing; see `pgpair status` there"))
    }

    @Test func handOverThatFinishedIsDoneWhateverFollows() {
        var latest = Self.polluxHoldsBoth
        latest.peer.state = .dead
        #expect(Switchover.handOver.verdict(before: Self.castorHoldsBoth, latest: latest) == .done)
    }

    // MARK: taking over (`takeover`)

    @Test func takeOverIsDoneWhenThisNodeRunsEveryGroup() {
        #expect(Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: Self.castorHoldsBoth) == .done)
    }

    @Test func takeOverWithNoGroupsIsDone() {
        let none = view(.standby, [])
        #expect(Switchover.takeOver.verdict(before: none, latest: none) == .done)
    }

    @Test(arguments: [
        view(.standby, peerRole: .stopping, [("ip", "pollux", .running), ("pgsql", "pollux", .stopping)]),
        view(.standby, [("ip", nil, .stopped), ("pgsql", nil, .stopped)]),
        view(.starting, [("ip", "castor", .running), ("pgsql", "castor", .starting)]),
        view(.starting, peer: .dead, peerRole: nil, [("ip", "castor", .starting), ("pgsql", nil, .stopped)]),
        view(.standby, peerRole: .blocked, [("ip", "pollux", .running), ("pgsql", "pollux", .running)]),
    ])
    func takeOverWaitsWhileAGroupIsOnItsWay(latest: NodeStatus) {
        #expect(Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest) == .waiting)
    }

    @Test func takeOverFailsWhenThisNodeIsBlocked() {
        let latest = view(.blocked, blockedReason: "the service address answers elsewhere", [("ip", nil, .stopped)])
        #expect(
            Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest)
                == .failed("castor is blocked (clears by itself): the service address answers elsewhere"))
    }

    @Test func takeOverFailsWhenAGroupFailsHere() {
        let latest = view(.standby, [("ip", "castor", .running), ("pgsql", nil, .failed)])
        #expect(
            Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest)
                == .failed("group pgsql failed on castor; see the agent's log"))
    }

    @Test func takeOverFailsWhenAPeerInMaintenanceKeepsAGroup() {
        let latest = view(
            .standby, peerRole: .maintenance, [("ip", "castor", .running), ("pgsql", "pollux", .running)])
        #expect(
            Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest)
                == .failed("the peer pollux is in maintenance mode and keeps pgsql"))
    }

    @Test func takeOverIgnoresAPeerInMaintenanceThatHoldsNothing() {
        let latest = view(
            .starting, peerRole: .maintenance, [("ip", "castor", .running), ("pgsql", "castor", .starting)])
        #expect(Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest) == .waiting)
    }

    @Test func takeOverFailsWhenThisNodeEntersMaintenance() {
        let latest = view(.maintenance, [("ip", nil, .stopped)])
        #expect(
            Switchover.takeOver.verdict(before: Self.polluxHoldsBoth, latest: latest)
                == .failed("castor is in maintenance mode; run `pgpair maintenance off` first"))
    }
}
