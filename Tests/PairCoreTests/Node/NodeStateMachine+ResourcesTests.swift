import Testing

@testable import PairCore

@Suite struct NodeStateMachineResourcesTests {
    typealias F = NodeFixtures

    /// castor starting the database group it claimed at startup, pollux a standby.
    static func starting() -> Machine {
        var machine = F.started()
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        return machine
    }

    @Test func aStartedGroupRunsAndIsMonitored() {
        var machine = Self.starting()
        let actions = machine.groupStarted(F.database, result: .succeeded, at: F.at(31))
        #expect(actions == [.scheduleTimer(.monitor(group: F.database), after: .seconds(2)), .announceNow])
        #expect(machine.role == .active && machine.announcement.heldGroups == [F.database])
    }

    @Test func aFailedStartStopsTheGroupThenHandsItToThePeer() {
        var machine = Self.starting()
        #expect(
            machine.groupStarted(F.database, result: .failed("pgsql: no pg_ctl"), at: F.at(31)) == [
                .stopGroup(F.database), .announceNow,
            ])
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(32)) == [.clearMarker, .announceNow])
        #expect(machine.role == .standby && machine.announcement.releasedGroups == [F.database])
        #expect(machine.groupStatuses.map(\.state) == [.failed])
        _ = machine.peerHeartbeatReceived(F.peer(.starting, holds: [F.database], epoch: 2), at: F.at(33))
        #expect(
            machine.groupStatuses == [GroupStatus(group: F.database, home: F.castor, owner: F.pollux, state: .starting)]
        )
    }

    @Test func aFailedStartWithNoPeerToTakeTheGroupBlocksForAnOperator() {
        var machine = F.started(F.settings(coldStartTakeover: true))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.database, result: .failed("pgsql: no pg_ctl"), at: F.at(31))
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(32)) == [.clearMarker, .announceNow])
        #expect(machine.block == .cannotRun(group: F.database) && machine.blockNeedsOperator)
    }

    @Test func aGroupThatFailedHereIsNotTakenBackWhenThePeerReturnsIt() {
        var machine = Self.starting()
        _ = machine.groupStarted(F.database, result: .failed("pgsql: no pg_ctl"), at: F.at(31))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(32))
        _ = machine.peerHeartbeatReceived(F.peer(.starting, holds: [F.database], epoch: 2), at: F.at(33))
        let actions = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 2, released: [F.database]), at: F.at(40))
        #expect(actions == [.announceNow] && machine.block == .cannotRun(group: F.database))
    }

    @Test func aFailedStopIsTriedAgainThenBlocksAndTheGroupStaysHeld() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        #expect(
            machine.groupStopped(F.database, result: .failed("pg_ctl stop: timed out"), at: F.at(41)) == [
                .stopGroup(F.database)
            ])
        #expect(
            machine.groupStopped(F.database, result: .failed("pg_ctl stop: timed out"), at: F.at(42)) == [
                .stopGroup(F.database)
            ])
        #expect(
            machine.groupStopped(F.database, result: .failed("pg_ctl stop: timed out"), at: F.at(43)) == [.announceNow])
        #expect(machine.block == .failedStop(group: F.database) && machine.blockNeedsOperator)
        #expect(machine.announcement.heldGroups == [F.database] && machine.groupStatuses.map(\.state) == [.failed])
        #expect(machine.marker == .uncleanStop(epoch: 1))
    }

    @Test func unblockAfterAFailedStopTriesTheStopAgainAndTheBlockLiftsOnlyWhenItSucceeds() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        for second in [41.0, 42, 43] {
            _ = machine.groupStopped(F.database, result: .failed("timed out"), at: F.at(second))
        }
        #expect(
            machine.operatorRequested(.unblock, at: F.at(60)) == [.stopGroup(F.database)] && machine.role == .blocked)
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(61)) == [.clearMarker, .announceNow])
        #expect(machine.block == nil && machine.announcement.releasedGroups == [F.database])
    }
}
