import Testing

@testable import PairCore

/// The continuous ping rounds: their result travels in the heartbeat, and a holder that has reached no ping target
/// for the grace period while its peer reaches one hands its groups over (heartbeat's ipfail).
@Suite struct NodeStateMachinePingTests {
    typealias F = NodeFixtures

    /// castor active with ping targets configured (grace 10 s), its peer a standby that reaches them.
    static func active() -> Machine {
        var machine = F.started(F.settings(ping: true))
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.ping(reachable: true), at: F.at(30.05))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.database, result: .succeeded, at: F.at(31))
        _ = machine.pingReported(reachable: true, at: F.at(32))
        return machine
    }

    static func peer(reaching: Bool?) -> NodeAnnouncement {
        var announced = F.peer(.standby)
        announced.pingReachable = reaching
        return announced
    }

    @Test func theAnnouncementCarriesTheLatestRoundOnlyWithPingTargets() {
        var machine = Self.active()
        #expect(machine.announcement.pingReachable == true)
        _ = machine.pingReported(reachable: false, at: F.at(33))
        #expect(machine.announcement.pingReachable == false)
        var withoutTargets = F.active()
        #expect(withoutTargets.pingReported(reachable: false, at: F.at(33)) == [])
        #expect(withoutTargets.announcement.pingReachable == nil)
    }

    @Test func aHolderThatLostEveryTargetForTheGraceHandsItsGroupToAPeerThatReachesOne() {
        var machine = Self.active()
        _ = machine.peerHeartbeatReceived(Self.peer(reaching: true), at: F.at(39))
        #expect(
            machine.pingReported(reachable: false, at: F.at(40)) == [
                .scheduleTimer(.pingLoss, after: .seconds(10)), .announceNow,
            ])
        #expect(machine.pingReported(reachable: false, at: F.at(45)) == [])
        #expect(!machine.clockTicked(at: F.at(49.9)).contains(.stopGroup(F.database)))
        let actions = machine.clockTicked(at: F.at(50))
        #expect(actions.starts(with: [.report(.pingLost(group: F.database)), .stopGroup(F.database)]))
        #expect(machine.role == .stopping)
    }

    @Test func noHandoverWhenThePeerReachesNoTargetEither() {
        var machine = Self.active()
        _ = machine.peerHeartbeatReceived(Self.peer(reaching: false), at: F.at(39))
        _ = machine.pingReported(reachable: false, at: F.at(40))
        #expect(!machine.clockTicked(at: F.at(50)).contains(.stopGroup(F.database)))
        #expect(machine.peerHeartbeatReceived(Self.peer(reaching: nil), at: F.at(51)).isEmpty)
        #expect(machine.role == .active)
    }

    @Test func aTargetAnsweringAgainWithinTheGraceKeepsTheGroup() {
        var machine = Self.active()
        _ = machine.peerHeartbeatReceived(Self.peer(reaching: true), at: F.at(39))
        _ = machine.pingReported(reachable: false, at: F.at(40))
        _ = machine.pingReported(reachable: true, at: F.at(45))
        #expect(!machine.clockTicked(at: F.at(50)).contains(.stopGroup(F.database)))
        #expect(machine.peerHeartbeatReceived(Self.peer(reaching: true), at: F.at(51)).isEmpty)
        #expect(machine.role == .active)
    }

    @Test func aHomeNodeWithoutPingTargetsDoesNotAskForItsGroupBack() {
        var machine = F.started(F.settings(autoFailback: true, ping: true))
        _ = machine.pingReported(reachable: false, at: F.at(1))
        var peer = F.activePeer(epoch: 2)
        peer.pingReachable = true
        _ = machine.peerHeartbeatReceived(peer, at: F.at(2))
        _ = machine.clockTicked(at: F.at(30))
        #expect(machine.announcement.requestedGroups == [])
        _ = machine.pingReported(reachable: true, at: F.at(31))
        _ = machine.peerHeartbeatReceived(peer, at: F.at(32))
        #expect(machine.announcement.requestedGroups == [F.database])
    }
}
