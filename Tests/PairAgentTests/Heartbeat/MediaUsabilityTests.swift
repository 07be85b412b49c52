import PairNet
import Testing

@testable import PairAgent

/// Media usability from the transports' counters at each keepalive.
@Suite struct MediaUsabilityTests {
    static func counters(open: Bool, sent: Int) -> TransportCounters {
        var counters = TransportCounters()
        counters.isOpen = open
        counters.framesSent = sent
        return counters
    }

    @Test func oneMediumTakingMessagesIsEnough() {
        var usability = MediaUsability()
        #expect(usability.sent([Self.counters(open: true, sent: 1), Self.counters(open: false, sent: 0)]) == nil)
        #expect(usability.sent([Self.counters(open: true, sent: 2), Self.counters(open: false, sent: 0)]) == nil)
        #expect(usability.usable)
    }

    @Test func noMediumTakingMessagesAtTwoChecksIsALossAndOneThatWorksAgainARecovery() {
        var usability = MediaUsability()
        _ = usability.sent([Self.counters(open: true, sent: 5), Self.counters(open: true, sent: 5)])
        // Sends fail (interface down): the open sockets stop counting sent frames.
        #expect(usability.sent([Self.counters(open: true, sent: 5), Self.counters(open: false, sent: 5)]) == nil)
        #expect(usability.sent([Self.counters(open: true, sent: 5), Self.counters(open: false, sent: 5)]) == false)
        #expect(usability.sent([Self.counters(open: true, sent: 5), Self.counters(open: false, sent: 5)]) == nil)
        #expect(!usability.usable)
        #expect(usability.sent([Self.counters(open: true, sent: 6), Self.counters(open: false, sent: 5)]) == true)
    }

    @Test func aSingleBlipIsNotALoss() {
        var usability = MediaUsability()
        _ = usability.sent([Self.counters(open: true, sent: 1)])
        #expect(usability.sent([Self.counters(open: true, sent: 1)]) == nil)
        #expect(usability.sent([Self.counters(open: true, sent: 2)]) == nil)
        #expect(usability.sent([Self.counters(open: true, sent: 2)]) == nil)
        #expect(usability.usable)
    }
}
