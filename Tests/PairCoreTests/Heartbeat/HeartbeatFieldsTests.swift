import Testing

@testable import PairCore

@Suite struct HeartbeatFieldsTests {
    typealias Fixtures = HeartbeatFixtures

    /// The message the body of `lines` describes, or why not.
    static func decode(_ lines: [String]) -> Result<HeartbeatMessage, HeartbeatRejection> {
        decode(bytes: Fixtures.body(lines))
    }

    static func decode(bytes: [UInt8]) -> Result<HeartbeatMessage, HeartbeatRejection> {
        Result { () throws(HeartbeatRejection) in try HeartbeatFields(body: bytes[...]).message() }
    }

    static func replacing(_ name: String, with line: String?) -> [String] {
        Fixtures.lines(replacing: name, with: line)
    }

    @Test func readsTheFixtureMessage() {
        #expect(Self.decode(Fixtures.messageLines) == .success(Fixtures.message))
    }

    @Test(arguments: ["v", "from", "gen", "seq", "role", "groups", "epoch", "copy", "deadtime_ms"])
    func everyFieldIsRequired(name: String) {
        #expect(Self.decode(Self.replacing(name, with: nil)) == .failure(.malformed("missing field `\(name)`")))
    }

    static let badValues: [(String, String)] = [
        ("v=2", "protocol version 2 is not supported; this node speaks 1"),
        ("v=0", "protocol version 0 is not supported; this node speaks 1"),
        ("v=one", "`v=one` is not a protocol version"),
        ("v=", "`v=` is not a protocol version"),
        ("v=99999999999999999999", "`v=99999999999999999999` is not a protocol version"),
        ("from=", "`from=` is not a node name"),
        ("from=a,b", "`from=a,b` is not a node name"),
        ("from=a=b", "`from=a=b` is not a node name"),
        ("from=a b", "`from=a b` is not a node name"),
        ("from=a%2", "`from=a%2` is not a node name"),
        ("from=a%zz", "`from=a%zz` is not a node name"),
        ("from=%0A", "`from=%0A` is not a node name"),
        ("from=%FF", "`from=%FF` is not a node name"),
        ("gen=", "`gen=` is not a number"),
        ("gen=-1", "`gen=-1` is not a number"),
        ("gen=+1", "`gen=+1` is not a number"),
        ("gen=1.5", "`gen=1.5` is not a number"),
        ("gen= 12", "`gen= 12` is not a number"),
        ("gen=0x10", "`gen=0x10` is not a number"),
        ("gen=18446744073709551616", "`gen=18446744073709551616` is not a number"),
        ("seq=abc", "`seq=abc` is not a number"),
        ("epoch=-3", "`epoch=-3` is not a number"),
        ("role=primary", "`role=primary` is not a role"),
        ("role=Active", "`role=Active` is not a role"),
        ("role=", "`role=` is not a role"),
        ("groups=,", "`groups=,` holds an empty or invalid group name"),
        ("groups=a,,b", "`groups=a,,b` holds an empty or invalid group name"),
        ("groups=a,", "`groups=a,` holds an empty or invalid group name"),
        ("groups=a%G0", "`groups=a%G0` holds an empty or invalid group name"),
        ("copy=", "`copy=` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=None", "`copy=None` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=1,2", "`copy=1,2` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=1,2,3,4", "`copy=1,2,3,4` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=a,2,3", "`copy=a,2,3` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=1,-,3", "`copy=1,-,3` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        ("copy=1,2,-3", "`copy=1,2,-3` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"),
        (
            "copy=9223372036854775808,2,3",
            "`copy=9223372036854775808,2,3` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`"
        ),
        ("deadtime_ms=-5", "`deadtime_ms=-5` is not a number from 0 to 9223372036854775807"),
        (
            "deadtime_ms=9223372036854775808",
            "`deadtime_ms=9223372036854775808` is not a number from 0 to 9223372036854775807"
        ),
        ("deadtime_ms=10s", "`deadtime_ms=10s` is not a number from 0 to 9223372036854775807"),
    ]

    @Test(arguments: badValues.map(\.0))
    func rejectsABadValueWithItsOwnReason(line: String) throws {
        let reason = try #require(Self.badValues.first { $0.0 == line }?.1)
        let name = String(line.prefix { $0 != "=" })
        #expect(Self.decode(Self.replacing(name, with: line)) == .failure(.malformed(reason)))
    }

    @Test func checksTheProtocolVersionBeforeAnyOtherField() {
        #expect(
            Self.decode(["v=2", "role=whatever"])
                == .failure(.malformed("protocol version 2 is not supported; this node speaks 1")))
    }

    @Test func quotesAtMostFortyCharactersOfAValue() {
        let long = String(repeating: "r", count: 100)
        let reason = Self.decode(Self.replacing("role", with: "role=" + long)).failure?.reason
        #expect(reason == "`role=\(String(repeating: "r", count: 40))…` is not a role")
    }

    static let badLines: [(String, [UInt8], String)] = [
        (
            "not UTF-8", Fixtures.body(Fixtures.messageLines) + [UInt8(ascii: "x"), UInt8(ascii: "="), 0xFF, 0x0A],
            "not UTF-8"
        ),
        ("tab", Fixtures.body(Fixtures.messageLines + ["x=a\tb"]), "line 11 holds a control character"),
        ("carriage return", Fixtures.body(["v=1\r"]), "line 2 holds a control character"),
        ("escape", Fixtures.body(["v=1", "x=\u{1B}[2J"]), "line 3 holds a control character"),
        ("C1 control", Fixtures.body(["x=\u{85}"]), "line 2 holds a control character"),
        ("no equals", Fixtures.body(Fixtures.messageLines + ["garbage"]), "line 11 is not `name=value`"),
        ("empty line", Fixtures.body(["v=1", ""]), "line 3 is not `name=value`"),
        ("empty name", Fixtures.body(["=1"]), "line 2 is not `name=value`"),
        ("upper-case name", Fixtures.body(["V=1"]), "line 2 is not `name=value`"),
        ("blank in name", Fixtures.body(["v =1"]), "line 2 is not `name=value`"),
        ("a second start line", Fixtures.body([">>>"] + Fixtures.messageLines), "line 2 is not `name=value`"),
        ("duplicate", Fixtures.body(Fixtures.messageLines + ["seq=346"]), "field `seq` appears twice"),
        ("duplicate unknown", Fixtures.body(["x=1", "x=1"]), "field `x` appears twice"),
    ]

    @Test(arguments: badLines.map(\.0))
    func rejectsABadLineWithItsOwnReason(name: String) throws {
        let (_, bytes, reason) = try #require(Self.badLines.first { $0.0 == name })
        #expect(Self.decode(bytes: bytes) == .failure(.malformed(reason)))
    }

    @Test func ignoresUnknownFieldsWhereverTheyAre() {
        let lines = ["new_field=1", "x=with = and , in it"] + Fixtures.messageLines + ["copy2=none"]
        #expect(Self.decode(lines) == .success(Fixtures.message))
    }

    @Test func readsEmptyGroupsAsNone() throws {
        #expect(try Self.decode(Self.replacing("groups", with: "groups=")).get().heldGroups == [])
    }

    @Test func readsNegativeAndLargestStamps() throws {
        let lines = Self.replacing("copy", with: "copy=-9223372036854775808,9223372036854775807,18446744073709551615")
        #expect(
            try Self.decode(lines).get().copy
                == SyncStamp(startedAt: .min, finishedAt: .max, epoch: .max))
    }
}
