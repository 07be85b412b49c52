import Testing

@testable import PairCore

@Suite struct NodeStateMachineMonitoringTests {
    typealias F = NodeFixtures

    /// The check fails at `now`, the group restarts in place, and runs again.
    static func failAndRestart(_ machine: inout Machine, at seconds: Double) -> [NodeAction] {
        machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(seconds))
            + machine.groupStarted(F.database, result: .succeeded, at: F.at(seconds + 0.2))
    }

    @Test func theHolderChecksItsGroupEveryMonitorInterval() {
        var machine = F.active()
        #expect(machine.clockTicked(at: F.at(32.9)) == [])
        #expect(machine.clockTicked(at: F.at(33)) == [.checkGroup(F.database)])
        let actions = machine.monitorReported(F.database, result: .succeeded, at: F.at(33.1))
        #expect(actions == [.scheduleTimer(.monitor(group: F.database), after: .seconds(2))])
    }

    @Test func aFailedCheckRestartsTheGroupInPlaceKeepingEpochAndMarker() {
        var machine = F.active()
        let actions = Self.failAndRestart(&machine, at: 40)
        #expect(
            actions == [
                .restartGroup(F.database), .announceNow,
                .scheduleTimer(.monitor(group: F.database), after: .seconds(2)), .announceNow,
            ] && machine.epoch == 1 && machine.marker == .uncleanStop(epoch: 1))
    }

    @Test func noCheckIsDueWhileTheGroupRestarts() {
        var machine = F.active()
        _ = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(40))
        #expect(machine.clockTicked(at: F.at(60)) == [])
    }

    @Test func aRestartThatFailsIsAFailedStartTheWholeGroupStopsAndGoesToThePeer() {
        var machine = F.active()
        _ = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(40))
        let failed = machine.groupStarted(F.database, result: .failed("start of pgsql failed"), at: F.at(41))
        #expect(failed == [.stopGroup(F.database), .announceNow])
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(42))
        #expect(machine.announcement.releasedGroups == [F.database] && machine.role == .standby)
    }

    @Test func aShutdownDuringARestartStopsTheWholeGroup() {
        var machine = F.active()
        _ = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(40))
        #expect(machine.shutdownRequested(at: F.at(40.5)).contains(.stopGroup(F.database)))
    }

    @Test func afterRestartLimitRestartsTheGroupIsHandedToThePeer() {
        var machine = F.active()
        for second in [40.0, 50, 60] {
            _ = Self.failAndRestart(&machine, at: second)
        }
        let actions = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(70))
        #expect(actions == [.report(.restartLimitReached(group: F.database)), .stopGroup(F.database), .announceNow])
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(71)) == [.clearMarker, .announceNow])
        #expect(machine.announcement.releasedGroups == [F.database] && machine.role == .standby)
    }

    @Test func restartsOlderThanTheWindowNoLongerCount() {
        var machine = F.active()
        for second in [40.0, 1840, 3640, 5440] {
            _ = Self.failAndRestart(&machine, at: second)
        }
        let actions = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(7240))
        #expect(actions == [.restartGroup(F.database), .announceNow])
    }

    @Test func aRestartLimitOfZeroHandsOverAtTheFirstFailure() {
        var settings = F.settings()
        settings.restartLimit = 0
        var machine = F.active(settings)
        let actions = machine.monitorReported(F.database, result: .failed("pgsql: not running"), at: F.at(40))
        #expect(actions == [.report(.restartLimitReached(group: F.database)), .stopGroup(F.database), .announceNow])
    }

    @Test func aCheckOfAGroupNoLongerRunningIsIgnored() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        #expect(machine.monitorReported(F.database, result: .failed("stopped"), at: F.at(41)) == [])
        #expect(machine.clockTicked(at: F.at(45)) == [])
    }
}
