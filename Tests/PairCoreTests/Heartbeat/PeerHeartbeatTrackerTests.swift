import Testing

@testable import PairCore

@Suite struct PeerHeartbeatTrackerTests {
    static func heartbeat(_ generation: UInt64, _ sequence: UInt64, from sender: String = "pollux") -> HeartbeatMessage
    {
        HeartbeatFixtures.heartbeat(from: sender, generation: generation, sequence: sequence)
    }

    static func tracker(links: Int = 2) -> PeerHeartbeatTracker {
        PeerHeartbeatTracker(localNode: "castor", peerNode: "pollux", linkCount: links)
    }

    @Test func theFirstMessageIsNewestAndNotARestart() {
        var tracker = Self.tracker()
        #expect(tracker.latest == nil)
        #expect(tracker.accept(Self.heartbeat(7, 1), onLink: 0) == .accepted(newest: true, peerRestarted: false))
        #expect(tracker.latest == Self.heartbeat(7, 1))
        #expect(tracker.lastAccepted == [HeartbeatPosition(generation: 7, sequence: 1), nil])
    }

    @Test func everyLinkCountsTheSameMessageOnce() {
        var tracker = Self.tracker()
        #expect(tracker.accept(Self.heartbeat(1, 5), onLink: 0) == .accepted(newest: true, peerRestarted: false))
        #expect(tracker.accept(Self.heartbeat(1, 5), onLink: 1) == .accepted(newest: false, peerRestarted: false))
        #expect(
            tracker.accept(Self.heartbeat(1, 5), onLink: 1)
                == .rejected(
                    .replay(
                        "generation 1, sequence 5 on link 1 is a duplicate of the last one accepted there "
                            + "(generation 1, sequence 5)")))
    }

    @Test func aLateSerialCopyOfAnOlderSequenceStillCountsForItsLink() {
        var tracker = Self.tracker()
        _ = tracker.accept(Self.heartbeat(1, 9), onLink: 1)
        #expect(tracker.accept(Self.heartbeat(1, 11), onLink: 0) == .accepted(newest: true, peerRestarted: false))
        #expect(tracker.accept(Self.heartbeat(1, 10), onLink: 1) == .accepted(newest: false, peerRestarted: false))
        #expect(tracker.latest == Self.heartbeat(1, 11))
        #expect(
            tracker.lastAccepted == [
                HeartbeatPosition(generation: 1, sequence: 11), HeartbeatPosition(generation: 1, sequence: 10),
            ])
    }

    @Test func aCapturedMessageReplayedLaterCountsNowhere() {
        var tracker = Self.tracker()
        let captured = Self.heartbeat(1, 3)
        for sequence: UInt64 in 3...20 {
            _ = tracker.accept(Self.heartbeat(1, sequence), onLink: 0)
            _ = tracker.accept(Self.heartbeat(1, sequence), onLink: 1)
        }
        for link in 0..<2 {
            #expect(
                tracker.accept(captured, onLink: link)
                    == .rejected(
                        .replay(
                            "generation 1, sequence 3 on link \(link) is older than the last one accepted there "
                                + "(generation 1, sequence 20)")))
        }
        #expect(tracker.latest == Self.heartbeat(1, 20))
    }

    @Test func aNewerGenerationIsARestartOnceAcrossLinks() {
        var tracker = Self.tracker()
        _ = tracker.accept(Self.heartbeat(1, 500), onLink: 0)
        _ = tracker.accept(Self.heartbeat(1, 500), onLink: 1)
        #expect(tracker.accept(Self.heartbeat(2, 0), onLink: 1) == .accepted(newest: true, peerRestarted: true))
        #expect(tracker.accept(Self.heartbeat(2, 0), onLink: 0) == .accepted(newest: false, peerRestarted: false))
        #expect(tracker.accept(Self.heartbeat(2, 1), onLink: 0) == .accepted(newest: true, peerRestarted: false))
        #expect(tracker.latest == Self.heartbeat(2, 1))
    }

    @Test func anOlderGenerationIsAReplayEvenOnALinkThatHasNotSeenTheNewOne() {
        var tracker = Self.tracker()
        _ = tracker.accept(Self.heartbeat(1, 50), onLink: 1)
        _ = tracker.accept(Self.heartbeat(2, 1), onLink: 0)
        #expect(
            tracker.accept(Self.heartbeat(1, 51), onLink: 1)
                == .rejected(
                    .replay("generation 1, sequence 51 on link 1 is older than the peer's current generation 2")))
        #expect(tracker.lastAccepted[1] == HeartbeatPosition(generation: 1, sequence: 50))
    }

    @Test func ownLoopedBackMessagesAreIgnoredAndChangeNothing() {
        var tracker = Self.tracker()
        #expect(tracker.accept(Self.heartbeat(9, 9, from: "castor"), onLink: 0) == .ignoredOwnMessage)
        #expect(tracker.accept(Self.heartbeat(9, 9, from: "CASTOR"), onLink: 1) == .ignoredOwnMessage)
        #expect(tracker.latest == nil)
        #expect(tracker.lastAccepted == [nil, nil])
        #expect(tracker.accept(Self.heartbeat(1, 1), onLink: 0) == .accepted(newest: true, peerRestarted: false))
    }

    @Test func aMessageFromAThirdNodeIsMalformed() {
        var tracker = Self.tracker()
        #expect(
            tracker.accept(Self.heartbeat(1, 1, from: "helena"), onLink: 0)
                == .rejected(.malformed("from helena, a node not in ha.cf (the peer is pollux)")))
        #expect(tracker.latest == nil)
    }

    @Test func nodeNamesAreComparedWithoutCase() {
        var tracker = PeerHeartbeatTracker(localNode: "Castor", peerNode: "POLLUX", linkCount: 1)
        #expect(
            tracker.accept(Self.heartbeat(1, 1, from: "Pollux"), onLink: 0)
                == .accepted(newest: true, peerRestarted: false))
        #expect(tracker.accept(Self.heartbeat(1, 1, from: "castor"), onLink: 0) == .ignoredOwnMessage)
    }

    @Test func theLatestMessageIsTheNewestFromAnyLinkWithItsState() {
        var tracker = Self.tracker()
        var newer = Self.heartbeat(3, 8)
        newer.role = .active
        newer.epoch = 4
        _ = tracker.accept(newer, onLink: 0)
        _ = tracker.accept(Self.heartbeat(3, 7), onLink: 1)
        #expect(tracker.latest?.role == .active)
        #expect(tracker.latest?.epoch == 4)
        #expect(tracker.linkCount == 2)
    }
}

/// The generation floor kept across this node's restarts.
@Suite struct PeerHeartbeatTrackerFloorTests {
    static func message(generation: UInt64, sequence: UInt64) -> HeartbeatMessage {
        HeartbeatMessage(
            sender: "pollux", generation: generation, sequence: sequence, role: .standby, heldGroups: [], epoch: 0,
            copy: nil, deadtime: .seconds(10))
    }

    @Test func aGenerationBelowTheFloorIsAReplayEvenAsTheFirstMessageHeard() {
        var tracker = PeerHeartbeatTracker(localNode: "castor", peerNode: "pollux", linkCount: 1, generationFloor: 50)
        guard case .rejected(let rejection) = tracker.accept(Self.message(generation: 49, sequence: 900), onLink: 0)
        else {
            Issue.record("an old generation was accepted after a restart")
            return
        }
        #expect(rejection.kind == .replay)
        #expect(
            tracker.accept(Self.message(generation: 50, sequence: 1), onLink: 0)
                == .accepted(newest: true, peerRestarted: false))
        #expect(
            tracker.accept(Self.message(generation: 51, sequence: 1), onLink: 0)
                == .accepted(newest: true, peerRestarted: true))
    }
}
