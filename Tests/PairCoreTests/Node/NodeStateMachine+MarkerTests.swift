import Testing

@testable import PairCore

/// castor starts with an unclean-stop marker: it was active at epoch 3 and did not stop cleanly.
@Suite struct NodeStateMachineMarkerTests {
    typealias F = NodeFixtures
    static let unclean = PersistedNodeState(epoch: 3, marker: .uncleanStop(epoch: 3))

    @Test func aPeerWithANewerEpochMakesThisNodeStandbyAndTheMarkerGoes() {
        var machine = F.started(F.settings(), persisted: Self.unclean)
        #expect(machine.peerHeartbeatReceived(F.activePeer(epoch: 4), at: F.at(1)) == [.clearMarker])
        #expect(machine.clockTicked(at: F.at(30)) == [] && machine.role == .standby && machine.marker == nil)
    }

    @Test func aPeerWithAnOlderEpochHoldingNothingLeavesTheGroupToThisNodesNewerData() {
        var machine = F.started(F.settings(node: F.pollux), persisted: Self.unclean)
        #expect(machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1), at: F.at(1)) == [])
        #expect(machine.clockTicked(at: F.at(30)) == [.startGuard(.duplicateAddress(F.serviceAddress))])
        #expect(machine.marker == .uncleanStop(epoch: 3))
    }

    @Test func aPeerUnknownAtInitdeadBlocksForAnOperator() {
        var machine = F.started(F.settings(coldStartTakeover: true), persisted: Self.unclean)
        #expect(machine.clockTicked(at: F.at(30)) == [.announceNow])
        #expect(machine.block == .uncleanStop(epoch: 3) && machine.blockNeedsOperator)
    }

    @Test func unblockIsRefusedUntilThePeerIsHeardThenTheEpochsDecide() {
        var machine = F.started(F.settings(), persisted: Self.unclean)
        _ = machine.clockTicked(at: F.at(30))
        #expect(machine.operatorRequested(.unblock, at: F.at(40)) == [.refuse(.causeHolds(.uncleanStop(epoch: 3)))])
        #expect(machine.peerHeartbeatReceived(F.peer(.standby, epoch: 1), at: F.at(50)) == [])
        #expect(machine.role == .blocked)
        let actions = machine.operatorRequested(.unblock, at: F.at(51))
        #expect(
            actions == [.startGuard(.duplicateAddress(F.serviceAddress)), .announceNow] && machine.role == .standby)
    }

    @Test func aCleanStopWithThePeerUpClearsTheMarker() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        #expect(machine.groupStopped(F.database, result: .succeeded, at: F.at(41)).first == .clearMarker)
        #expect(machine.marker == nil)
    }
}
