import Testing

@testable import PairCore

@Suite struct NodeStateMachineHandshakeTests {
    typealias F = NodeFixtures

    /// pollux, the standby, with castor active at epoch 1.
    static func pollux() -> Machine {
        F.standby(F.settings(node: F.pollux))
    }

    @Test func aPlannedStandbyStopsTheGroupThenAnnouncesItsRelease() {
        var machine = F.active()
        #expect(machine.operatorRequested(.standby, at: F.at(40)) == [.stopGroup(F.database), .announceNow])
        #expect(machine.role == .stopping && machine.announcement.releasedGroups == [])
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(42)) == [.clearMarker, .announceNow])
        #expect(machine.role == .standby && machine.announcement.releasedGroups == [F.database])
    }

    @Test func theReleaseStandsInEveryHeartbeatUntilThePeerHoldsTheGroup() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        #expect(machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(43)) == [])
        #expect(machine.announcement.releasedGroups == [F.database])
        #expect(
            machine.peerHeartbeatReceived(F.peer(.starting, holds: [F.database], epoch: 2), at: F.at(44)) == [
                .announceNow
            ])
        #expect(machine.announcement.releasedGroups == [] && machine.groupStatuses.first?.owner == F.pollux)
    }

    /// `pgpair standby` on castor, then on pollux: castor takes the group pollux released and keeps it. The flag
    /// the first standby set must not make castor hand it straight back (a ping-pong).
    @Test func aNodeThatTookAReleasedGroupKeepsItDespiteItsEarlierStandby() {
        var machine = F.active()
        _ = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1), at: F.at(39))
        _ = machine.operatorRequested(.standby, at: F.at(40))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        _ = machine.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 2), at: F.at(44))
        #expect(machine.role == .standby)
        // The operator runs `pgpair standby` on pollux, which releases the group.
        let taken = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 2, released: [F.database]), at: F.at(50))
        #expect(taken.contains(.startGroup(F.database, peerReleased: true)))
        _ = machine.groupStarted(F.database, result: .succeeded, at: F.at(51))
        #expect(
            machine.peerHeartbeatReceived(F.peer(.standby, epoch: 2), at: F.at(52)).contains(.stopGroup(F.database))
                == false)
        #expect(machine.role == .active)
    }

    @Test func theReceiverStartsAReleasedGroupWithoutGuards() {
        var machine = Self.pollux()
        let actions = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1, released: [F.database]), at: F.at(40))
        #expect(actions == F.takeover(epoch: 2, peerReleased: true) + [.announceNow] && machine.role == .starting)
    }

    @Test func aLostReleaseIsCarriedByTheNextHeartbeat() {
        var machine = Self.pollux()
        #expect(machine.peerHeartbeatReceived(F.peer(.stopping, holds: [F.database], epoch: 1), at: F.at(40)) == [])
        // The heartbeat of 41 s, the first with the release, is lost; the one of 42 s repeats it.
        let actions = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1, released: [F.database]), at: F.at(42))
        #expect(actions == F.takeover(epoch: 2, peerReleased: true) + [.announceNow])
    }

    @Test func aReleaseThatNeverArrivesEndsInTheTakeoverAfterThePeersDeath() {
        var machine = Self.pollux()
        _ = machine.peerHeartbeatReceived(F.peer(.stopping, holds: [F.database], epoch: 1), at: F.at(40))
        let probe = NodeGuard.duplicateAddress(F.serviceAddress)
        #expect(machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45)) == [.startGuard(probe)])
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(46))
        let actions = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(actions == [.stopGuard(probe)] + F.takeover(epoch: 2) + [.announceNow])
    }

    @Test func aGroupThePeerAnnouncesHoldingIsNeverStartedEvenIfAlsoReleased() {
        var machine = Self.pollux()
        let confused = F.peer(.active, holds: [F.database], epoch: 1, released: [F.database])
        #expect(machine.peerHeartbeatReceived(confused, at: F.at(40)) == [] && machine.role == .standby)
    }

    @Test func aPlannedTakeoverAsksTheHolderForARelease() {
        var machine = Self.pollux()
        #expect(machine.operatorRequested(.takeover(force: false), at: F.at(40)) == [.announceNow])
        #expect(machine.announcement.requestedGroups == [F.database] && machine.role == .standby)
        let released = F.peer(.standby, epoch: 1, released: [F.database])
        #expect(
            machine.peerHeartbeatReceived(released, at: F.at(43))
                == F.takeover(epoch: 2, peerReleased: true) + [.announceNow])
        #expect(machine.announcement.requestedGroups == [])
    }

    @Test func theHolderReleasesWhatThePeerRequests() {
        var machine = F.active()
        let request = F.peer(.standby, requested: [F.database])
        #expect(machine.peerHeartbeatReceived(request, at: F.at(40)) == [.stopGroup(F.database), .announceNow])
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        #expect(machine.announcement.releasedGroups == [F.database] && machine.role == .standby)
    }

    @Test func aNodeThatDoesNotHoldARequestedGroupYieldsIt() {
        var machine = F.started()
        #expect(machine.peerHeartbeatReceived(F.peer(.standby, requested: [F.database]), at: F.at(1)) == [.announceNow])
        #expect(machine.announcement.releasedGroups == [F.database])
        #expect(machine.clockTicked(at: F.at(30)) == [])
        #expect(
            machine.peerHeartbeatReceived(F.peer(.starting, holds: [F.database], epoch: 1), at: F.at(31)) == [
                .announceNow
            ])
        #expect(machine.announcement.releasedGroups == [] && machine.role == .standby)
    }

    @Test func aYieldEndsWhenThePeerStopsAskingAndAnIdleGroupABlockedPeerCannotTakeIsClaimed() {
        var machine = F.standby()
        _ = machine.peerHeartbeatReceived(F.peer(.standby, requested: [F.database]), at: F.at(40))
        #expect(machine.announcement.releasedGroups == [F.database])
        let actions = machine.peerHeartbeatReceived(F.peer(.blocked), at: F.at(41))
        #expect(actions == [.startGuard(.duplicateAddress(F.serviceAddress)), .announceNow])
        #expect(machine.announcement.releasedGroups == [])
    }

    @Test func standbyIsRefusedWithoutALivePeerThatCanTakeTheGroups() {
        var alone = F.active()
        _ = alone.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        #expect(alone.operatorRequested(.standby, at: F.at(41)) == [.refuse(.peerNotUp)] && alone.role == .active)
        var blockedPeer = F.active()
        _ = blockedPeer.peerHeartbeatReceived(F.peer(.blocked), at: F.at(40))
        #expect(blockedPeer.operatorRequested(.standby, at: F.at(41)) == [.refuse(.peerCannotTake(.blocked))])
    }

    @Test func afterAPlannedStandbyAutoFailbackDoesNotAskForTheGroupBack() {
        var machine = F.active(F.settings(autoFailback: true))
        _ = machine.operatorRequested(.standby, at: F.at(40))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        _ = machine.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 2), at: F.at(45))
        #expect(machine.announcement.requestedGroups == [] && machine.role == .standby)
    }

    @Test func aHeartbeatFromAHoldingPeerWhileStartingStopsAndYields() {
        var machine = F.started()
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        let actions = machine.peerHeartbeatReceived(F.peer(.starting, holds: [F.database], epoch: 1), at: F.at(30.5))
        #expect(actions == [.report(.yieldedToPeer(group: F.database)), .stopGroup(F.database), .announceNow])
        #expect(machine.groupStarted(F.database, result: .succeeded, at: F.at(31)) == [])
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(32)) == [.clearMarker, .announceNow])
        #expect(machine.role == .standby && machine.marker == nil)
    }

    @Test func aHealedPartitionStopsTheOlderTakeoverSetsItsDataAsideAndBlocks() {
        var machine = F.active()
        let newer = F.peer(.active, holds: [F.database], epoch: 2)
        #expect(
            machine.peerHeartbeatReceived(newer, at: F.at(40)) == [
                .report(.bothHeld(group: F.database)), .stopGroup(F.database), .announceNow,
            ])
        let actions = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        #expect(actions == [.clearMarker, .setDataDirectoryAside(group: F.database), .announceNow])
        #expect(
            machine.block == .healedPartition(group: F.database, epoch: 1, peerEpoch: 2) && machine.blockNeedsOperator)
        #expect(machine.operatorRequested(.unblock, at: F.at(50)) == [.announceNow] && machine.role == .standby)
    }

    @Test func inAHealedPartitionTheNewerTakeoverKeepsTheGroup() {
        var machine = F.active()
        let older = F.peer(.active, holds: [F.database], epoch: 0)
        #expect(machine.peerHeartbeatReceived(older, at: F.at(40)) == [] && machine.role == .active)
    }

    /// Both took over at the same epoch: the tie goes by node name, the same on both sides, so exactly one node
    /// stops — castor (the lower name) — and pollux keeps the group.
    @Test func inAHealedPartitionWithEqualEpochsExactlyOneNodeStops() {
        var castor = F.active()
        let castorActions = castor.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 1), at: F.at(40))
        #expect(castorActions.contains(.stopGroup(F.database)))

        var pollux = F.started(F.settings(node: F.pollux, coldStartTakeover: true))
        _ = pollux.clockTicked(at: F.at(30))
        _ = pollux.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        _ = pollux.groupStarted(F.database, result: .succeeded, at: F.at(31))
        #expect(pollux.role == .active && pollux.epoch == 1)
        let polluxActions = pollux.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 1), at: F.at(40))
        #expect(!polluxActions.contains(.stopGroup(F.database)) && pollux.role == .active)
    }

    @Test func anotherGroupHeldByBothIsLeftToItsHomeNodeWithoutABlock() {
        var machine = F.started(F.settings(groups: [F.extraGroup]))
        let probe = NodeGuard.duplicateAddress(F.extraAddress)
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(probe)])
        _ = machine.guardAnswered(.duplicateAddress(F.extraAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.extra, result: .succeeded, at: F.at(31))
        let actions = machine.peerHeartbeatReceived(F.peer(.standby, holds: [F.extra]), at: F.at(40))
        #expect(actions == [.report(.bothHeld(group: F.extra)), .stopGroup(F.extra), .announceNow])
        #expect(
            machine.groupStopped(F.extra, result: .succeeded, at: F.at(41)) == [.announceNow] && machine.block == nil)
    }
}
