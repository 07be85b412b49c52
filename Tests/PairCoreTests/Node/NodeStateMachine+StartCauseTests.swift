import Testing

@testable import PairCore

/// Whether a start tells the install step that the peer released the group (`peerReleased`): only a handover by
/// handshake may look at the peer's data; a takeover after the peer's death, a claim, a forced start and a restart in
/// place never contact the peer.
@Suite struct NodeStateMachineStartCauseTests {
    typealias F = NodeFixtures

    /// The peer's flag on the `pgsql` group's start among `actions`; nil when the group is not started.
    static func peerReleased(_ actions: [NodeAction]) -> Bool? {
        for case .startGroup(let group, let peerReleased) in actions where group == F.database {
            return peerReleased
        }
        return nil
    }

    @Test func aGroupThePeerReleasedAfterItsStandbyStartsAsReleasedByThePeer() {
        var machine = F.standby(F.settings(node: F.pollux))
        let released = F.peer(.standby, epoch: 1, released: [F.database])
        #expect(Self.peerReleased(machine.peerHeartbeatReceived(released, at: F.at(40))) == true)
    }

    @Test func aPlannedTakeoverStartsAsReleasedByThePeerOnceThePeerHandsTheGroupOver() {
        var machine = F.standby(F.settings(node: F.pollux))
        #expect(Self.peerReleased(machine.operatorRequested(.takeover(force: false), at: F.at(40))) == nil)
        #expect(machine.announcement.requestedGroups == [F.database])
        let stopping = F.peer(.stopping, holds: [F.database], epoch: 1)
        #expect(Self.peerReleased(machine.peerHeartbeatReceived(stopping, at: F.at(41))) == nil)
        let released = F.peer(.standby, epoch: 1, released: [F.database])
        #expect(Self.peerReleased(machine.peerHeartbeatReceived(released, at: F.at(42))) == true)
    }

    @Test func theTakeoverAfterThePeersDeathNeverContactsThePeer() {
        var machine = F.standby()
        _ = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(46))
        #expect(Self.peerReleased(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))) == false)
    }

    @Test func theClaimOfAnIdleGroupAtStartupNeverContactsThePeer() {
        var machine = F.started()
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        #expect(Self.peerReleased(actions) == false)
    }

    @Test func aForcedTakeoverWithoutAPeerNeverContactsThePeer() {
        var machine = F.started()
        #expect(Self.peerReleased(machine.operatorRequested(.takeover(force: true), at: F.at(5))) == false)
    }

    /// A restart in place is the agent's `restartGroup`, which never contacts the peer; no start is asked for.
    @Test func aRestartInPlaceNeverContactsThePeer() {
        var machine = F.active()
        let actions = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(40))
        #expect(actions.contains(.restartGroup(F.database)) && Self.peerReleased(actions) == nil)
    }
}
