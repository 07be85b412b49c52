import Testing

@testable import PairCore

@Suite struct NodeStateMachineStartupTests {
    typealias F = NodeFixtures

    @Test func theStartOpensTheStartupWindowUntilInitdead() {
        var machine = Machine(settings: F.settings(), persisted: .init())
        #expect(machine.agentStarted(at: F.at(0)) == [.scheduleTimer(.initdead, after: .seconds(30))])
        #expect(machine.role == .standby && machine.nextDeadline == F.at(30))
    }

    @Test func nothingStartsBeforeInitdeadEvenWhenTheHomeNodeHearsAnIdlePeer() {
        var machine = F.started()
        let actions = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1)) + machine.clockTicked(at: F.at(29.9))
        #expect(actions == [] && machine.role == .standby && machine.peerLiveness == .up)
    }

    @Test(arguments: [F.castor, F.pollux])
    func aPeerHoldingTheGroupAtInitdeadLeavesThisNodeStandby(node: String) {
        var machine = F.started(F.settings(node: node))
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.role == .standby)
        #expect(
            machine.groupStatuses == [
                GroupStatus(group: F.database, home: F.castor, owner: machine.settings.peerNode, state: .running)
            ])
    }

    @Test func neitherHoldingTheHomeNodeTakesTheGroupThroughTheDuplicateAddressCheck() {
        var machine = F.started()
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
        #expect(machine.role == .standby)
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.2))
        #expect(
            actions == [.stopGuard(.duplicateAddress(F.serviceAddress))] + F.takeover(epoch: 1) + [.announceNow]
                && machine.role == .starting && machine.epoch == 1)
    }

    @Test func neitherHoldingTheOtherNodeWaitsForTheHomeNode() {
        var machine = F.started(F.settings(node: F.pollux))
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.role == .standby)
    }

    @Test func neitherHoldingTheNodeWithTheHigherEpochTakesPgsqlEvenAwayFromHome() {
        var machine = F.started(F.settings(node: F.pollux), persisted: .init(epoch: 4, marker: .lastActive(epoch: 4)))
        _ = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 3), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
    }

    @Test func theHomeNodeWithTheLowerEpochLeavesPgsqlToThePeer() {
        var machine = F.started(F.settings(), persisted: .init(epoch: 2))
        _ = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 5), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.role == .standby)
    }

    @Test func aReleaseWaitingAtInitdeadIsTakenWithoutGuards() {
        var machine = F.started(F.settings(node: F.pollux))
        _ = machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1, released: [F.database]), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == F.takeover(epoch: 2, peerReleased: true) + [.announceNow])
    }

    @Test(arguments: [F.castor, F.pollux])
    func aPeerNeverHeardIsAColdStartThatBlocksForAnOperator(node: String) {
        var machine = F.started(F.settings(node: node))
        let actions = machine.clockTicked(at: F.at(30))
        #expect(actions == [.announceNow] && machine.role == .blocked && machine.block == .coldStart)
        #expect(machine.blockNeedsOperator && machine.blockedReason?.contains("pgpair takeover --force") == true)
    }

    @Test func theDetectorsInitdeadVerdictDecidesOnceAndTheTimerAfterItDoesNothing() {
        var machine = F.started()
        #expect(machine.peerDeclaredDead(silentFor: .seconds(30), at: F.at(30)) == [.announceNow])
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.block == .coldStart)
    }

    @Test func coldStartTakeoverYesTakesOverOnTheStandbyCopyThroughTheGuards() {
        var machine = F.started(F.settings(coldStartTakeover: true))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        #expect(actions.contains(.startGroup(F.database)) && machine.role == .starting)
    }

    @Test func aLastActiveMarkerAtTheNodesOwnEpochStartsOnItsOwnDataThroughTheGuards() {
        var machine = F.started(F.settings(node: F.pollux), persisted: .init(epoch: 3, marker: .lastActive(epoch: 3)))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        #expect(
            actions == [.stopGuard(.duplicateAddress(F.serviceAddress))] + F.takeover(epoch: 4) + [.announceNow]
                && machine.marker == .uncleanStop(epoch: 4))
    }

    @Test func aLastActiveMarkerBelowTheNodesEpochIsNoLongerTheNewestData() {
        var machine = F.started(F.settings(), persisted: .init(epoch: 4, marker: .lastActive(epoch: 3)))
        #expect(machine.clockTicked(at: F.at(30)) == [.announceNow] && machine.block == .coldStart)
    }

    @Test func aPeerHeardThenDeadWithinTheWindowIsAnOrdinaryTakeoverAtInitdead() {
        var machine = F.started(F.settings(node: F.pollux))
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(1))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(11))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
        #expect(machine.role == .standby)
    }

    @Test func aGroupWithoutAddressesPassesTheDuplicateAddressCheckAtOnce() {
        let scriptOnly = ResourceGroup(
            homeNode: F.castor,
            resources: [Resource(kind: .script(name: "app", path: "/x", arguments: []), written: "app", line: 1)],
            line: 1)
        var machine = F.started(F.settings(groups: [scriptOnly]))
        _ = machine.peerHeartbeatReceived(F.peer(.standby), at: F.at(1))
        #expect(machine.clockTicked(at: F.at(30)) == [.startGroup("app"), .announceNow] && machine.role == .starting)
    }
}
