import Testing

@testable import PairCore

@Suite struct NodeStateMachineStatusTests {
    typealias F = NodeFixtures

    @Test func anUnblockedNodeHasNoReason() {
        let machine = F.active()
        #expect(machine.blockedReason == nil && !machine.blockNeedsOperator && machine.epoch == 1)
    }

    @Test func everyBlockSaysWhatToDoNextAndNamesThePeer() {
        let blocks: [NodeBlock] = [
            .noPingTarget, .addressInUse(F.serviceAddress), .fenceFailed(attempts: 2), .coldStart,
            .uncleanStop(epoch: 3), .failedStop(group: F.database),
            .healedPartition(group: F.database, epoch: 1, peerEpoch: 2), .cannotRun(group: F.database),
        ]
        for block in blocks {
            let reason = block.reason(peer: F.pollux)
            #expect(reason.contains("pollux") || reason.contains("pgpair "), "\(block)")
            #expect(block.needsOperator == reason.contains("pgpair unblock") || block == .fenceFailed(attempts: 2))
        }
    }

    @Test func aPeerHeldGroupShowsThePeersStartingAndStopping() {
        var machine = F.standby()
        _ = machine.peerHeartbeatReceived(F.peer(.stopping, holds: [F.database], epoch: 1), at: F.at(40))
        #expect(
            machine.groupStatuses == [GroupStatus(group: F.database, home: F.castor, owner: F.pollux, state: .stopping)]
        )
    }

    @Test func aDeadPeerHoldsNothing() {
        var machine = F.standby(F.settings(fencing: true))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(40))
        #expect(machine.groupStatuses == [GroupStatus(group: F.database, home: F.castor, owner: nil, state: .stopped)])
    }

    @Test func theAnnouncementCarriesRoleGroupsEpochAndHandshake() {
        var machine = F.active()
        _ = machine.operatorRequested(.standby, at: F.at(40))
        _ = machine.groupStopped(F.database, result: .succeeded, at: F.at(41))
        #expect(machine.announcement == NodeAnnouncement(role: .standby, epoch: 1, releasedGroups: [F.database]))
    }

    @Test func aPeersHeartbeatMessageIsReadAsItsAnnouncement() {
        let message = HeartbeatMessage(
            sender: F.pollux, generation: 3, sequence: 9, role: .active, heldGroups: [F.database], epoch: 4, copy: nil,
            deadtime: .seconds(10), releasedGroups: [F.extra], requestedGroups: ["x"])
        #expect(
            NodeAnnouncement(message)
                == NodeAnnouncement(
                    role: .active, heldGroups: [F.database], epoch: 4, releasedGroups: [F.extra], requestedGroups: ["x"]
                ))
    }

    @Test func theNextDeadlineIsTheEarliestTimer() {
        var machine = F.active()
        #expect(machine.nextDeadline == F.at(33))
        _ = machine.operatorRequested(.standby, at: F.at(32))
        #expect(machine.nextDeadline == nil)
    }
}
