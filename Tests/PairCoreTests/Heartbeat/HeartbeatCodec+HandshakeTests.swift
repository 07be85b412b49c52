import Testing

@testable import PairCore

/// `released=` and `request=`: the ownership handshake's fields, added to protocol version 1.
@Suite struct HeartbeatCodecHandshakeTests {
    typealias Fixtures = HeartbeatFixtures

    static func decode(_ lines: [String]) -> Result<HeartbeatMessage, HeartbeatRejection> {
        Fixtures.codec().decode(Fixtures.signed(lines))
    }

    @Test func aMessageWithoutAHandshakeIsWrittenAsBefore() {
        #expect(Fixtures.codec().encode(Fixtures.message) == Fixtures.signed(Fixtures.messageLines))
    }

    @Test func releasedAndRequestFollowDeadtimeWhenNotEmpty() {
        var message = Fixtures.message
        message.releasedGroups = ["10.0.0.100", "a,b"]
        message.requestedGroups = ["IPaddr::10.0.0.101/24/eth0"]
        let lines = Fixtures.messageLines + ["released=10.0.0.100,a%2Cb", "request=IPaddr::10.0.0.101/24/eth0"]
        #expect(Fixtures.codec().encode(message) == Fixtures.signed(lines))
    }

    @Test func roundTripsEitherFieldAlone() {
        var released = Fixtures.message
        released.releasedGroups = ["10.0.0.100"]
        var requested = Fixtures.message
        requested.requestedGroups = ["10.0.0.100", " x y "]
        let codec = Fixtures.codec()
        #expect(codec.decode(codec.encode(released)) == .success(released))
        #expect(codec.decode(codec.encode(requested)) == .success(requested))
    }

    @Test func aSenderThatDoesNotKnowTheFieldsReleasesAndRequestsNothing() throws {
        let message = try Self.decode(Fixtures.messageLines).get()
        #expect(message.releasedGroups == [] && message.requestedGroups == [])
    }

    @Test func emptyValuesMeanNone() throws {
        let message = try Self.decode(Fixtures.messageLines + ["released=", "request="]).get()
        #expect(message.releasedGroups == [] && message.requestedGroups == [])
    }

    @Test(arguments: [
        ("released=a,,b", "`released=a,,b` holds an empty or invalid group name"),
        ("request=a,", "`request=a,` holds an empty or invalid group name"),
        ("request=%zz", "`request=%zz` holds an empty or invalid group name"),
    ])
    func aBadListIsMalformed(line: String, reason: String) {
        #expect(Self.decode(Fixtures.messageLines + [line]) == .failure(.malformed(reason)))
    }
}
