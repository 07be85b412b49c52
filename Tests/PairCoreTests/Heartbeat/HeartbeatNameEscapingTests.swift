import Testing

@testable import PairCore

@Suite struct HeartbeatNameEscapingTests {
    static let escaped: [(String, String)] = [
        ("castor", "castor"),
        ("10.0.0.100", "10.0.0.100"),
        ("IPaddr::10.0.0.100/24/eth0", "IPaddr::10.0.0.100/24/eth0"),
        ("rw,noatime", "rw%2Cnoatime"),
        ("a=b", "a%3Db"),
        ("100%", "100%25"),
        ("a b", "a%20b"),
        ("line\nbreak", "line%0Abreak"),
        ("del\u{7F}", "del%7F"),
        ("kästor", "kästor"),
    ]

    @Test(arguments: escaped.indices)
    func escapesOnlyWhatWouldSplitAValueOrALine(index: Int) {
        let (name, written) = Self.escaped[index]
        #expect(HeartbeatNameEscaping.escape(name) == written)
    }

    @Test(arguments: ["castor", "rw,noatime", "a=b", "100%", "a b", "kästor", "%41"])
    func unescapesWhatItEscaped(name: String) {
        #expect(HeartbeatNameEscaping.unescape(HeartbeatNameEscaping.escape(name)[...]) == name)
    }

    @Test func acceptsEscapesInEitherCase() {
        #expect(HeartbeatNameEscaping.unescape("a%2cb") == "a,b")
    }

    @Test(arguments: ["", "a,b", "a=b", "a b", "a\tb", "%", "%4", "%zz", "%0A", "%7F", "%C3", "%00"])
    func rejectsAnUnescapedSeparatorABadEscapeOrAControlCharacter(value: String) {
        #expect(HeartbeatNameEscaping.unescape(value[...]) == nil)
    }
}
