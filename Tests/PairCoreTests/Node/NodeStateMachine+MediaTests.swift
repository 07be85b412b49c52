import Testing

@testable import PairCore

/// A node that can use none of its heartbeat media never takes over: the peer's silence proves nothing.
@Suite struct NodeStateMachineMediaTests {
    typealias F = NodeFixtures
    static let probe = NodeGuard.duplicateAddress(F.serviceAddress)

    @Test func withNoMediumTheTakeoverAfterThePeersSilenceIsBlockedAndResumesWhenOneWorks() {
        var machine = F.standby()
        _ = machine.peerHeartbeatReceived(F.activePeer(), at: F.at(40))
        #expect(machine.mediaReported(usable: false, at: F.at(41)) == [])
        _ = machine.peerFellSilent(silentFor: .seconds(5), at: F.at(45))
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(46))
        let atVerdict = machine.peerDeclaredDead(silentFor: .seconds(10), at: F.at(50))
        #expect(!atVerdict.contains(.startGroup(F.database)))
        #expect(machine.block == .noMedium && !machine.blockNeedsOperator)
        #expect(machine.blockedReason?.contains("no heartbeat medium") == true)
        _ = machine.guardAnswered(.duplicateAddress(F.serviceAddress, answered: false), at: F.at(51))
        #expect(machine.role == .blocked)
        let restored = machine.mediaReported(usable: true, at: F.at(52))
        #expect(restored.contains(.startGroup(F.database)) && machine.block == nil)
    }

    @Test func theSameReportTwiceDoesNothing() {
        var machine = F.standby()
        _ = machine.mediaReported(usable: false, at: F.at(41))
        #expect(machine.mediaReported(usable: false, at: F.at(42)) == [])
        #expect(machine.mediaReported(usable: true, at: F.at(43)) == [])
    }
}
