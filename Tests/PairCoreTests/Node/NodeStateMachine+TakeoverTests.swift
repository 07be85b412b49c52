import Testing

@testable import PairCore

/// castor is the standby; pollux, active at epoch 1, is last heard at 40 s, falls silent at 45 s (warntime 5 s) and
/// is declared dead at 50 s (deadtime 10 s).
@Suite struct NodeStateMachineTakeoverTests {
    typealias F = NodeFixtures
    static let probe = NodeGuard.duplicateAddress(F.serviceAddress)

    static func heardAtForty(_ settings: NodeSettings = F.settings()) -> Machine {
        var machine = F.standby(settings)
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(40))
        return machine
    }

    static func silent(_ settings: NodeSettings = F.settings()) -> Machine {
        var machine = heardAtForty(settings)
        _ = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        return machine
    }

    @Test func theDuplicateAddressCheckStartsWhenThePeerFallsSilent() {
        var machine = Self.heardAtForty()
        #expect(machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45)) == [.startGuard(Self.probe)])
        #expect(machine.role == .standby)
    }

    @Test func theVerdictTakesOverAtOnceWithTheAnswerGatheredDuringTheSilence() {
        var machine = Self.silent()
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(45.2))
        let actions = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(
            actions == [.stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow] && machine.role == .starting)
    }

    @Test func anAnswerStampedBeforeThePeerFellSilentIsIgnored() {
        var machine = Self.silent()
        #expect(machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(39.9)) == [])
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [] && machine.role == .standby)
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(50.1))
        #expect(actions == [.stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow])
    }

    @Test func anAddressAnsweringElsewhereBlocksUntilItIsFreeAndTheBlockClearsItself() {
        var machine = Self.silent()
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(46))
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [.announceNow])
        #expect(machine.block == .addressInUse(F.serviceAddress) && !machine.blockNeedsOperator)
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(53))
        #expect(actions == [.stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow] && machine.block == nil)
    }

    @Test func withPingConfiguredBothGuardsStartAtTheSilence() {
        var machine = Self.heardAtForty(F.settings(ping: true))
        let actions = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        #expect(actions == [.startGuard(.ping), .startGuard(Self.probe)])
    }

    @Test func noPingTargetBlocksFirstEvenWhenTheAddressAlsoAnswers() {
        var machine = Self.silent(F.settings(ping: true))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(46))
        _ = machine.guardAnswered(.ping(reachable: false), at: F.at(46))
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [.announceNow])
        #expect(machine.block == .noPingTarget && !machine.blockNeedsOperator)
    }

    @Test func aReachablePingTargetClearsThePingBlockAndTheTakeoverFollows() {
        var machine = Self.silent(F.settings(ping: true))
        _ = machine.guardAnswered(.ping(reachable: false), at: F.at(46))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(46))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        let actions = machine.guardAnswered(.ping(reachable: true), at: F.at(52))
        #expect(
            actions == [.stopGuard(.ping), .stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow]
                && machine.block == nil)
    }

    @Test func aPingAnswerFromBeforeTheSilenceDoesNotCount() {
        var machine = Self.silent(F.settings(ping: true))
        _ = machine.guardAnswered(.ping(reachable: true), at: F.at(39.5))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(46))
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [] && machine.role == .standby)
    }

    /// The usual failover: the peer held every group, so it takes nothing over from this node and no fence_delay
    /// is due; the fence starts at the verdict, and only ARP answers from after the fence count.
    @Test func fencingStartsAtTheVerdictThenTheAddressIsProbedAfterTheFence() {
        var machine = Self.heardAtForty(F.settings(fencing: true))
        #expect(machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45)) == [])
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [.startGuard(.fence)])
        #expect(machine.guardAnswered(.fence(succeeded: true), at: F.at(52)) == [.startGuard(Self.probe)])
        #expect(machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(51.5)) == [])
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(52.2))
        #expect(actions == [.stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow])
    }

    @Test func withPingAndFencingTheFenceWaitsForAPingTarget() {
        var machine = Self.silent(F.settings(ping: true, fencing: true))
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [])
        let actions = machine.guardAnswered(.ping(reachable: true), at: F.at(51))
        #expect(actions == [.startGuard(.fence)])
    }

    @Test func noFenceStartsWhileNoPingTargetAnswers() {
        var machine = Self.silent(F.settings(ping: true, fencing: true))
        _ = machine.guardAnswered(.ping(reachable: false), at: F.at(46))
        let atVerdict = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(!atVerdict.contains(.startGuard(.fence)) && machine.block == .noPingTarget)
        let actions = machine.guardAnswered(.ping(reachable: true), at: F.at(66))
        #expect(actions.contains(.startGuard(.fence)) && machine.block == nil)
    }

    /// A partition with two groups: pollux holds the extra group, castor held `pgsql` but not the extra group, so
    /// both take over at once. pollux, without `pgsql`, waits fence_delay; castor (the holder) fences at once — see
    /// `aNodeHoldingPgsqlFencesWithoutDelayToTakeThePeersOtherGroup`.
    @Test func inATwoSidedTakeoverTheNodeWithoutPgsqlWaitsFenceDelay() {
        let settings = F.settings(node: F.pollux, groups: [F.databaseGroup, F.extraGroup], fencing: true)
        var machine = F.started(settings)
        _ = machine.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 1), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.extraAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.extra, result: .succeeded, at: F.at(31))
        _ = machine.peerHeartbeatReceived(F.peer(.active, holds: [F.database], epoch: 1), at: F.at(40))
        #expect(
            machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [
                .scheduleTimer(.fenceDelay, after: .seconds(15)), .report(.fenceDelayed(.seconds(15))),
            ])
        #expect(!machine.clockTicked(at: F.at(64.9)).contains(.startGuard(.fence)))
        #expect(machine.clockTicked(at: F.at(65)).contains(.startGuard(.fence)))
    }

    /// Neither node holds `pgsql` when they lose each other (both standby): the group's home node fences at once,
    /// the other waits fence_delay, so they cannot fence each other.
    @Test(arguments: [(F.castor, false), (F.pollux, true)])
    func withNeitherHoldingPgsqlTheHomeNodeFencesFirst(node: String, waits: Bool) {
        var machine = F.started(F.settings(node: node, fencing: true))
        _ = machine.peerHeartbeatReceived(F.peer(.blocked), at: F.at(1))
        _ = machine.peerHeartbeatReceived(F.peer(.blocked), at: F.at(40))
        #expect(machine.waitsFenceDelay() == waits)
    }

    /// Both nodes start cut off from each other with `cold_start_takeover yes`: neither has heard a peer, so both
    /// take over at initdead. The home node fences at once; the other waits fence_delay and says why.
    @Test(arguments: [
        (F.castor, [NodeAction.startGuard(.fence)]),
        (F.pollux, [.scheduleTimer(.fenceDelay, after: .seconds(15)), .report(.fenceDelayed(.seconds(15)))]),
    ])
    func aColdStartOnBothSidesOfAPartitionFencesFromTheHomeNodeFirst(node: String, actions: [NodeAction]) {
        var machine = F.started(F.settings(node: node, coldStartTakeover: true, fencing: true))
        #expect(machine.clockTicked(at: F.at(30)) == actions)
    }

    @Test func aFailedFenceBlocksIsRetriedOnABackoffAndClearsOnSuccess() {
        var machine = Self.silent(F.settings(fencing: true))
        _ = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        _ = machine.clockTicked(at: F.at(65))
        #expect(
            machine.guardAnswered(.fence(succeeded: false), at: F.at(70))
                == [.scheduleTimer(.fenceRetry, after: .seconds(5)), .announceNow]
                && machine.block == .fenceFailed(attempts: 1) && !machine.blockNeedsOperator)
        #expect(machine.clockTicked(at: F.at(75)) == [.startGuard(.fence)] && machine.role == .blocked)
        #expect(
            machine.guardAnswered(.fence(succeeded: false), at: F.at(76)) == [
                .scheduleTimer(.fenceRetry, after: .seconds(10))
            ])
        _ = machine.clockTicked(at: F.at(86))
        #expect(machine.guardAnswered(.fence(succeeded: true), at: F.at(87)) == [.startGuard(Self.probe)])
        #expect(machine.role == .blocked)
        let actions = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(87.1))
        #expect(actions == [.stopGuard(Self.probe)] + F.takeover(epoch: 2) + [.announceNow] && machine.block == nil)
    }

    @Test func aNodeHoldingPgsqlFencesWithoutDelayToTakeThePeersOtherGroup() {
        var machine = F.started(F.settings(groups: [F.databaseGroup, F.extraGroup], fencing: true))
        _ = machine.peerHeartbeatReceived(F.peer(.standby, holds: [F.extra]), at: F.at(1))
        _ = machine.clockTicked(at: F.at(30))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(30.1))
        _ = machine.groupStarted(F.database, result: .succeeded, at: F.at(31))
        #expect(machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50)) == [.startGuard(.fence)])
    }

    @Test func thePeerHeardAgainCallsTheTakeoverOff() {
        var machine = Self.silent()
        let actions = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(47))
        #expect(actions == [.stopGuard(Self.probe)] && machine.role == .standby)
        #expect(machine.peerDeclaredDead(silentFor: .seconds(1), at: F.at(47.5)).contains(.startGuard(Self.probe)))
    }

    @Test func aNodeHoldingEveryGroupStartsNoGuardsWhenThePeerDies() {
        var machine = F.active()
        let actions =
            machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
            + machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(actions == [] && machine.role == .active)
    }

    /// The active node is frozen (SIGSTOP) longer than deadtime while its kernel still answers ARP: the standby
    /// must never add the address; after the thaw the block clears and exactly one node holds the group.
    @Test func theFrozenNodeSequence() {
        var machine = Self.heardAtForty()
        var actions = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        actions += machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(45.1))
        actions += machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(machine.role == .blocked && machine.block == .addressInUse(F.serviceAddress))
        #expect(!machine.blockNeedsOperator)
        for second in stride(from: 51.0, through: 69.0, by: 1.0) {
            actions += machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: true), at: F.at(second))
            actions += machine.clockTicked(at: F.at(second))
        }
        #expect(machine.role == .blocked)
        actions += machine.peerHeartbeatReceived(F.activePeer(), at: F.at(70))
        #expect(!actions.contains(.startGroup(F.database)) && actions.last == .announceNow)
        #expect(machine.role == .standby && machine.block == nil && machine.announcement.heldGroups == [])
        #expect(machine.groupStatuses.map(\.owner) == [F.pollux])
    }
}
