import Testing

@testable import PairCore

/// castor, the database group's home, comes back as a standby while pollux holds the group.
@Suite struct NodeStateMachineFailbackTests {
    typealias F = NodeFixtures

    static func homeNodeBack(autoFailback: Bool, peer: NodeAnnouncement = F.activePeer(epoch: 2)) -> Machine {
        var machine = F.started(F.settings(autoFailback: autoFailback))
        _ = machine.peerHeartbeatReceived(peer, at: F.at(1))
        return machine
    }

    @Test func withAutoFailbackOnTheHomeNodeAsksForItsGroupOnceTheStartupWindowEnds() {
        var machine = Self.homeNodeBack(autoFailback: true)
        #expect(machine.announcement.requestedGroups == [])
        #expect(machine.clockTicked(at: F.at(30)) == [.announceNow])
        #expect(machine.announcement.requestedGroups == [F.database] && machine.role == .standby)
    }

    @Test func withAutoFailbackOnTheGroupMovesHomeByTheHandshake() {
        var machine = Self.homeNodeBack(autoFailback: true)
        _ = machine.clockTicked(at: F.at(30))
        #expect(machine.peerHeartbeatReceived(F.peer(.stopping, holds: [F.database], epoch: 2), at: F.at(31)) == [])
        let released = F.peer(.standby, epoch: 2, released: [F.database])
        #expect(
            machine.peerHeartbeatReceived(released, at: F.at(33))
                == F.takeover(epoch: 3, peerReleased: true) + [.announceNow])
        #expect(machine.announcement.requestedGroups == [] && machine.announcement.heldGroups == [F.database])
    }

    @Test func withAutoFailbackOffTheGroupStaysWithThePeer() {
        var machine = Self.homeNodeBack(autoFailback: false)
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.announcement.requestedGroups == [])
    }

    @Test func theHolderWithAutoFailbackOffStillHonoursTheHomeNodesRequest() {
        var machine = F.standby(F.settings(node: F.pollux))
        _ = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1, released: [F.database]), at: F.at(40))
        _ = machine.groupStarted(F.database, result: .succeeded, at: F.at(41))
        let request = F.peer(.standby, epoch: 1, requested: [F.database])
        #expect(machine.peerHeartbeatReceived(request, at: F.at(50)) == [.stopGroup(F.database), .announceNow])
    }

    @Test func noRequestGoesToAPeerInMaintenance() {
        var machine = Self.homeNodeBack(autoFailback: true, peer: F.peer(.maintenance, holds: [F.database], epoch: 2))
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.announcement.requestedGroups == [])
    }

    @Test func aBlockedHomeNodeDoesNotAskForItsGroup() {
        var machine = F.standby(F.settings(autoFailback: true))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(40.1))
        #expect(machine.role == .blocked)
        // The peer returns holding the group while the address check still blocks: the block lifts first.
        _ = machine.peerHeartbeatReceived(F.activePeer(epoch: 1), at: F.at(45))
        #expect(machine.role == .standby && machine.announcement.requestedGroups == [F.database])
    }

    @Test func aGroupThatFailedAtHomeIsNotAskedBack() {
        var machine = F.started(F.settings(autoFailback: true))
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.database, result: .failed("pgsql: bad pg_hba.conf"), at: F.at(31))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(32))
        _ = machine.peerHeartbeatReceived(F.activePeer(epoch: 2), at: F.at(35))
        #expect(machine.announcement.requestedGroups == [] && machine.role == .standby)
    }
}
