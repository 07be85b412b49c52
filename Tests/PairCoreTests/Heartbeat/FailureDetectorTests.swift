import Testing

@testable import PairCore

@Suite struct FailureDetectorTests {
    typealias Detector = FailureDetector<ManualInstant>

    /// keepalive 1s, deadtime 10s, warntime 5s, initdead 30s.
    static let timing = HeartbeatTiming(
        keepalive: .seconds(1), deadtime: .seconds(10), warntime: .seconds(5), initdead: .seconds(30))

    static func detector(links: Int = 2) -> Detector {
        Detector(timing: timing, linkCount: links, startedAt: .zero)
    }

    static func at(_ milliseconds: Int64) -> ManualInstant { .ms(milliseconds) }

    /// A detector that heard both links at 1s.
    static func heardAtOneSecond() -> Detector {
        var detector = detector()
        _ = detector.heartbeatAccepted(onLink: 0, at: at(1000))
        _ = detector.heartbeatAccepted(onLink: 1, at: at(1000))
        return detector
    }

    @Test func startsWithThePeerUnknownAndEveryLinkDown() {
        let detector = Self.detector()
        #expect(detector.peer == .unknown)
        #expect(detector.link(0) == LinkLiveness(state: .down, lastHeard: nil))
        #expect(detector.link(1) == LinkLiveness(state: .down, lastHeard: nil))
        #expect(detector.lastHeard == nil)
        #expect(detector.nextDeadline == Self.at(30_000))
    }

    @Test func anUnheardPeerIsDeadAtInitdeadAndNotBefore() {
        var detector = Self.detector()
        #expect(detector.clockTicked(at: Self.at(29_999)) == [])
        #expect(detector.peer == .unknown)
        #expect(detector.clockTicked(at: Self.at(30_000)) == [.peerDead(silentFor: .seconds(30))])
        #expect(detector.peer == .dead)
        #expect(detector.nextDeadline == nil)
        #expect(detector.clockTicked(at: Self.at(90_000)) == [])
    }

    @Test func aLateTickAtInitdeadReportsTheWholeSilence() {
        var detector = Self.detector()
        #expect(detector.clockTicked(at: Self.at(31_500)) == [.peerDead(silentFor: .milliseconds(31_500))])
    }

    @Test func theFirstHeartbeatBringsItsLinkAndThePeerUp() {
        var detector = Self.detector()
        #expect(detector.heartbeatAccepted(onLink: 1, at: Self.at(2000)) == [.linkUp(1), .peerUp])
        #expect(detector.peer == .up)
        #expect(detector.link(1) == LinkLiveness(state: .up, lastHeard: Self.at(2000)))
        #expect(detector.link(0).state == .down)
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(2100)) == [.linkUp(0)])
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(3000)) == [])
        #expect(detector.lastHeard == Self.at(3000))
    }

    @Test func aPeerFirstHeardAfterInitdeadComesUpWithoutALateWarning() {
        var detector = Self.detector()
        _ = detector.clockTicked(at: Self.at(30_000))
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(45_000)) == [.linkUp(0), .peerUp])
    }

    @Test func peerSilentIsDueAtWarntimeOncePerSilence() {
        var detector = Self.heardAtOneSecond()
        #expect(detector.nextDeadline == Self.at(6000))
        #expect(detector.clockTicked(at: Self.at(5999)) == [])
        #expect(detector.clockTicked(at: Self.at(6000)) == [.peerSilent(since: .seconds(5))])
        #expect(detector.nextDeadline == Self.at(11_000))
        #expect(detector.clockTicked(at: Self.at(8000)) == [])
        #expect(detector.peer == .up)
    }

    @Test func aHeartbeatAfterAGapOfWarntimeOrMoreIsLateWithItsGap() {
        var detector = Self.heardAtOneSecond()
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(5999)) == [])
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(10_999)) == [.lateHeartbeat(gap: .seconds(5))])
        #expect(
            detector.heartbeatAccepted(onLink: 1, at: Self.at(18_500)) == [.lateHeartbeat(gap: .milliseconds(7501))])
    }

    @Test func aSilenceEndedByAHeartbeatIsReportedAgainNextTime() {
        var detector = Self.heardAtOneSecond()
        #expect(detector.clockTicked(at: Self.at(6000)) == [.peerSilent(since: .seconds(5))])
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(7000)) == [.lateHeartbeat(gap: .seconds(6))])
        #expect(detector.nextDeadline == Self.at(11_000))
        #expect(detector.clockTicked(at: Self.at(11_000)) == [.linkDown(1, silentFor: .seconds(10))])
        #expect(detector.clockTicked(at: Self.at(12_000)) == [.peerSilent(since: .seconds(5))])
    }

    @Test func oneLinkLostLeavesThePeerUp() {
        var detector = Self.heardAtOneSecond()
        for second: Int64 in 2...20 {
            let ticked = detector.clockTicked(at: Self.at(second * 1000))
            #expect(ticked == (second == 11 ? [.linkDown(0, silentFor: .seconds(10))] : []), "at \(second)s")
            #expect(detector.heartbeatAccepted(onLink: 1, at: Self.at(second * 1000)) == [], "at \(second)s")
        }
        #expect(detector.peer == .up)
        #expect(detector.link(0) == LinkLiveness(state: .down, lastHeard: Self.at(1000)))
        #expect(detector.link(0).age(at: Self.at(20_000)) == .seconds(19))
        #expect(detector.nextDeadline == Self.at(25_000))
    }

    @Test func thePeerIsDeadWhenEveryLinkIsDownAtDeadtime() {
        var detector = Self.heardAtOneSecond()
        _ = detector.clockTicked(at: Self.at(6000))
        #expect(detector.clockTicked(at: Self.at(10_999)) == [])
        #expect(
            detector.clockTicked(at: Self.at(11_000)) == [
                .linkDown(0, silentFor: .seconds(10)), .linkDown(1, silentFor: .seconds(10)),
                .peerDead(silentFor: .seconds(10)),
            ])
        #expect(detector.peer == .dead)
        #expect(detector.nextDeadline == nil)
    }

    @Test func aSingleLateTickReportsEverythingDueInTheOrderItFellDue() {
        var detector = Self.detector()
        _ = detector.heartbeatAccepted(onLink: 1, at: Self.at(1000))
        _ = detector.heartbeatAccepted(onLink: 0, at: Self.at(7000))
        // Link 1 was due at 11s, the warntime point at 12s, link 0 and the peer at 17s.
        #expect(
            detector.clockTicked(at: Self.at(40_000)) == [
                .linkDown(1, silentFor: .seconds(39)), .peerSilent(since: .seconds(33)),
                .linkDown(0, silentFor: .seconds(33)), .peerDead(silentFor: .seconds(33)),
            ])
    }

    @Test func aDeadPeerHeardAgainIsUp() {
        var detector = Self.heardAtOneSecond()
        _ = detector.clockTicked(at: Self.at(11_000))
        #expect(
            detector.heartbeatAccepted(onLink: 1, at: Self.at(20_000)) == [
                .lateHeartbeat(gap: .seconds(19)), .linkUp(1), .peerUp,
            ])
        #expect(detector.peer == .up)
        #expect(detector.link(0).state == .down)
        #expect(detector.nextDeadline == Self.at(25_000))
        #expect(detector.heartbeatAccepted(onLink: 0, at: Self.at(20_500)) == [.linkUp(0)])
    }

    @Test func aHeartbeatWinsOverADeadlineItsTickMissed() {
        var detector = Self.heardAtOneSecond()
        // No tick since 1s; the heartbeat on link 1 at 12s keeps the peer and link 1 up, link 0 is overdue.
        #expect(
            detector.heartbeatAccepted(onLink: 1, at: Self.at(12_000)) == [
                .linkDown(0, silentFor: .seconds(11)), .lateHeartbeat(gap: .seconds(11)),
            ])
        #expect(detector.peer == .up)
        #expect(detector.link(1).state == .up)
        #expect(detector.clockTicked(at: Self.at(12_000)) == [])
    }

    @Test func aHeartbeatAtTheDeadlineInstantKeepsTheLinkUp() {
        var detector = Self.heardAtOneSecond()
        #expect(
            detector.heartbeatAccepted(onLink: 0, at: Self.at(11_000)) == [
                .linkDown(1, silentFor: .seconds(10)), .lateHeartbeat(gap: .seconds(10)),
            ])
        #expect(detector.link(0).state == .up)
    }

    @Test func anEarlierInstantThanTheLastHeardDoesNotMoveTimeBack() {
        var detector = Self.heardAtOneSecond()
        _ = detector.heartbeatAccepted(onLink: 0, at: Self.at(500))
        #expect(detector.lastHeard == Self.at(1000))
        #expect(detector.link(0).lastHeard == Self.at(1000))
    }

    /// Ticks exactly at each `nextDeadline` until none is left or `end`, returning every tick's time and events.
    static func tickThroughDeadlines(_ detector: inout Detector, until end: ManualInstant) -> [(Int64, [DetectorEvent])]
    {
        var timeline: [(Int64, [DetectorEvent])] = []
        // At most 100 ticks, so a deadline that never passes fails the test instead of hanging it.
        while let deadline = detector.nextDeadline, deadline <= end, timeline.count < 100 {
            let events = detector.clockTicked(at: deadline)
            timeline.append((deadline.offset.wholeMilliseconds, events))
        }
        return timeline
    }

    @Test func tickingAtEachNextDeadlineGivesEveryTransitionOnTime() {
        var detector = Self.detector()
        _ = detector.heartbeatAccepted(onLink: 0, at: Self.at(1000))
        _ = detector.heartbeatAccepted(onLink: 1, at: Self.at(2500))
        let timeline = Self.tickThroughDeadlines(&detector, until: Self.at(100_000))
        #expect(timeline.map(\.0) == [7500, 11_000, 12_500])
        #expect(
            timeline.map(\.1) == [
                [.peerSilent(since: .seconds(5))],
                [.linkDown(0, silentFor: .seconds(10))],
                [.linkDown(1, silentFor: .seconds(10)), .peerDead(silentFor: .seconds(10))],
            ])
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func nothingHappensBeforeNextDeadlineAndSomethingHappensAtIt(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var detector = Self.detector(links: 3)
        var now = ManualInstant.zero
        for _ in 0..<400 {
            now = now.advanced(by: .milliseconds(Int64.random(in: 1...4000, using: &generator)))
            if let deadline = detector.nextDeadline {
                // Probe copies: a tick just before the deadline changes nothing; one at the deadline does.
                var before = detector
                #expect(before.clockTicked(at: deadline.advanced(by: .nanoseconds(-1))) == [])
                var atDeadline = detector
                #expect(atDeadline.clockTicked(at: deadline) != [])
            }
            if Bool.random(using: &generator) {
                _ = detector.heartbeatAccepted(onLink: Int.random(in: 0..<3, using: &generator), at: now)
            } else {
                _ = detector.clockTicked(at: now)
            }
            let silence = detector.lastHeard.map { $0.duration(to: now) }
            switch detector.peer {
            case .up: #expect(detector.links.contains { $0.state == .up })
            case .dead: #expect(silence.map { $0 >= .seconds(10) } ?? (now >= Self.at(30_000)))
            case .unknown: #expect(detector.lastHeard == nil && now < Self.at(30_000))
            }
        }
    }
}
