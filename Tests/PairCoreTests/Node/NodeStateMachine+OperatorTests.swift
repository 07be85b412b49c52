import Testing

@testable import PairCore

@Suite struct NodeStateMachineOperatorTests {
    typealias F = NodeFixtures

    /// castor after a cold start: blocked, needing an operator.
    static func coldStarted() -> Machine {
        var machine = F.started()
        _ = machine.clockTicked(at: F.at(30))
        return machine
    }

    @Test func maintenanceStopsEveryAutomaticActionAndTheAnnouncementsGoOn() {
        var machine = F.standby()
        #expect(machine.operatorRequested(.maintenance(on: true), at: F.at(35)) == [.announceNow])
        let actions =
            machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
            + machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(actions == [] && machine.role == .maintenance && machine.announcement.role == .maintenance)
    }

    @Test func maintenanceOffDecidesAnewWithTheGuardsAnswersCountedFromTheSilence() {
        var machine = F.standby()
        _ = machine.operatorRequested(.maintenance(on: true), at: F.at(35))
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(40))
        _ = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        let probe = NodeGuard.duplicateAddress(F.serviceAddress)
        #expect(machine.operatorRequested(.maintenance(on: false), at: F.at(60)) == [.startGuard(probe), .announceNow])
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(60.1))
        #expect(actions == [.stopGuard(probe)] + F.takeover(epoch: 2) + [.announceNow])
    }

    @Test func maintenanceStopsMonitoringAndResumesIt() {
        var machine = F.active()
        _ = machine.operatorRequested(.maintenance(on: true), at: F.at(32))
        #expect(machine.clockTicked(at: F.at(33)) == [])
        #expect(machine.monitorReported(F.database, result: .failed("down"), at: F.at(34)) == [])
        let actions = machine.operatorRequested(.maintenance(on: false), at: F.at(40))
        #expect(actions == [.scheduleTimer(.monitor(group: F.database), after: .seconds(2)), .announceNow])
        #expect(machine.role == .active)
    }

    @Test func inMaintenanceOnlyMaintenanceOffIsAccepted() {
        var machine = F.active()
        _ = machine.operatorRequested(.maintenance(on: true), at: F.at(32))
        #expect(machine.operatorRequested(.standby, at: F.at(33)) == [.refuse(.maintenance)])
        #expect(machine.operatorRequested(.takeover(force: true), at: F.at(33)) == [.refuse(.maintenance)])
        #expect(machine.operatorRequested(.unblock, at: F.at(33)) == [.refuse(.maintenance)])
    }

    @Test func maintenanceKeepsABlockThatNeedsAnOperator() {
        var machine = Self.coldStarted()
        _ = machine.operatorRequested(.maintenance(on: true), at: F.at(40))
        #expect(machine.blockedReason == nil)
        _ = machine.operatorRequested(.maintenance(on: false), at: F.at(41))
        #expect(machine.block == .coldStart)
    }

    @Test func unblockIsRefusedWithoutABlockAndForABlockThatClearsItself() {
        var machine = F.standby()
        #expect(machine.operatorRequested(.unblock, at: F.at(35)) == [.refuse(.notBlocked)])
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(40.1))
        let inUse = NodeBlock.addressInUse(F.serviceAddress)
        #expect(machine.operatorRequested(.unblock, at: F.at(41)) == [.refuse(.blockClearsItself(inUse))])
    }

    @Test func aColdStartBlockIsRefusedUntilThePeerIsHeardThenUnblocked() {
        var machine = Self.coldStarted()
        #expect(machine.operatorRequested(.unblock, at: F.at(40)) == [.refuse(.causeHolds(.coldStart))])
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(45))
        #expect(machine.role == .blocked)
        #expect(machine.operatorRequested(.unblock, at: F.at(46)) == [.announceNow] && machine.role == .standby)
    }

    @Test func aPlannedTakeoverIsRefusedWhileBlocked() {
        var machine = Self.coldStarted()
        #expect(machine.operatorRequested(.takeover(force: false), at: F.at(40)) == [.refuse(.blocked(.coldStart))])
    }

    @Test func takeoverForceOverridesTheColdStartAndStartsWithoutGuards() {
        var machine = Self.coldStarted()
        let actions = machine.operatorRequested(.takeover(force: true), at: F.at(40))
        #expect(actions == [.report(.forcedTakeover(overriding: .coldStart))] + F.takeover(epoch: 1) + [.announceNow])
        #expect(machine.role == .starting && machine.block == nil)
    }

    @Test func takeoverForceOverridesAnAddressBlock() {
        var machine = F.standby()
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(40.1))
        let actions = machine.operatorRequested(.takeover(force: true), at: F.at(41))
        #expect(
            actions == [
                .report(.forcedTakeover(overriding: .addressInUse(F.serviceAddress))),
                .stopGuard(.duplicateAddress(F.serviceAddress)),
            ] + F.takeover(epoch: 2) + [.announceNow])
    }

    @Test func takeoverForceNeverStartsAGroupALivePeerHoldsButAsksForIt() {
        var machine = F.standby()
        let actions = machine.operatorRequested(.takeover(force: true), at: F.at(40))
        #expect(actions == [.report(.forcedTakeover(overriding: nil)), .announceNow])
        #expect(machine.announcement.requestedGroups == [F.database] && machine.announcement.heldGroups == [])
    }

    @Test func takeoverForceEndsTheStartupWindow() {
        var machine = F.started()
        #expect(machine.operatorRequested(.takeover(force: false), at: F.at(5)) == [.refuse(.startingUp)])
        let actions = machine.operatorRequested(.takeover(force: true), at: F.at(5))
        #expect(actions == [.report(.forcedTakeover(overriding: nil))] + F.takeover(epoch: 1) + [.announceNow])
        #expect(machine.clockTicked(at: F.at(30)) == [])
    }

    @Test func takeoverForceStartsAGroupThatFailedToStopAgain() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        for second in [41.0, 42, 43] {
            _ = machine.groupStopped(F.database, result: .failed("timed out"), at: F.at(second))
        }
        let actions = machine.operatorRequested(.takeover(force: true), at: F.at(50))
        #expect(
            actions == [
                .report(.forcedTakeover(overriding: .failedStop(group: F.database))), .startGroup(F.database),
                .announceNow,
            ]
                && machine.epoch == 1)
    }

    @Test func shutdownOfTheActiveHandsTheGroupToALivePeer() {
        var machine = F.active()
        #expect(machine.shutdownRequested(at: F.at(40)) == [.stopGroup(F.database), .announceNow])
        let actions = machine.groupStopped(F.database, result: .succeeded, at: F.at(41))
        #expect(actions == [.clearMarker, .announceNow, .shutdownComplete])
        #expect(machine.announcement.releasedGroups == [F.database])
    }

    @Test func shutdownOfTheLastNodeStandingLeavesALastActiveMarker() {
        var machine = F.active()
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        _ = machine.shutdownRequested(at: F.at(45))
        let actions = machine.groupStopped(F.database, result: .succeeded, at: F.at(46))
        #expect(actions == [.writeMarker(.lastActive(epoch: 1)), .announceNow, .shutdownComplete])
    }

    @Test func shutdownOfAStandbyCompletesAtOnceAndRefusesCommands() {
        var machine = F.standby()
        #expect(machine.shutdownRequested(at: F.at(40)) == [.shutdownComplete])
        #expect(machine.operatorRequested(.takeover(force: false), at: F.at(41)) == [.refuse(.shuttingDown)])
    }
}
