import Testing

@testable import PairCore

/// `ping=up|down`: whether the sender reaches a ping target, added to protocol version 1 for the ipfail rule.
@Suite struct HeartbeatCodecPingTests {
    typealias Fixtures = HeartbeatFixtures

    @Test func aSenderWithoutPingTargetsWritesNoPingField() {
        #expect(Fixtures.codec().encode(Fixtures.message) == Fixtures.signed(Fixtures.messageLines))
    }

    @Test(arguments: [(true, "ping=up"), (false, "ping=down")])
    func pingFollowsTheOtherFieldsAndRoundTrips(reachable: Bool, line: String) {
        var message = Fixtures.message
        message.pingReachable = reachable
        let codec = Fixtures.codec()
        #expect(codec.encode(message) == Fixtures.signed(Fixtures.messageLines + [line]))
        #expect(codec.decode(codec.encode(message)) == .success(message))
    }

    @Test func absentMeansUnknown() throws {
        let message = try Fixtures.codec().decode(Fixtures.signed(Fixtures.messageLines)).get()
        #expect(message.pingReachable == nil)
    }

    @Test func anotherValueIsMalformed() {
        let decoded = Fixtures.codec().decode(Fixtures.signed(Fixtures.messageLines + ["ping=yes"]))
        #expect(decoded == .failure(.malformed("`ping=yes` is not up or down")))
    }
}
