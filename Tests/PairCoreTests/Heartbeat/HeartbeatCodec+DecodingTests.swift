import Testing

@testable import PairCore

@Suite struct HeartbeatCodecDecodingTests {
    typealias Fixtures = HeartbeatFixtures

    /// A signed message with its `auth=` line replaced by `authLine`.
    static func withAuthLine(_ authLine: String) -> [UInt8] {
        Fixtures.body(Fixtures.messageLines) + Array("\(authLine)\n<<<\n".utf8)
    }

    static let valid = Fixtures.signed(Fixtures.messageLines)

    static let cases: [(String, [UInt8], String)] = [
        ("empty", [], "empty message"),
        ("text without frame", Array("hello\n".utf8), "does not start with a `>>>` line"),
        ("start line with a blank", Array(">>> \n".utf8) + valid.dropFirst(4), "does not start with a `>>>` line"),
        ("start line without newline", Array(">>>".utf8), "does not start with a `>>>` line"),
        ("no final newline", Array(valid.dropLast()), "truncated: it does not end with a `<<<` line"),
        ("cut in the middle", Array(valid.prefix(60)), "truncated: it does not end with a `<<<` line"),
        ("only the start line", Array(">>>\n".utf8), "truncated: it does not end with a `<<<` line"),
        (
            "end line with a blank", Array(valid.dropLast(4)) + Array("<<< \n".utf8),
            "truncated: it does not end with a `<<<` line"
        ),
        ("no lines at all", Array(">>>\n<<<\n".utf8), "the line before `<<<` is not an `auth=` line"),
        (
            "no auth line", Fixtures.body(Fixtures.messageLines) + Array("<<<\n".utf8),
            "the line before `<<<` is not an `auth=` line"
        ),
        (
            "auth line not last", Array(valid.dropLast(4)) + Array("x=1\n<<<\n".utf8),
            "the line before `<<<` is not an `auth=` line"
        ),
        ("auth without code", withAuthLine("auth=1"), "bad `auth=` line: write `auth=KEYID CODE`"),
        ("auth with two blanks", withAuthLine("auth=1  00"), "bad `auth=` line: write `auth=KEYID CODE`"),
        ("auth with three words", withAuthLine("auth=1 00 00"), "bad `auth=` line: write `auth=KEYID CODE`"),
        ("key id not a number", withAuthLine("auth=x 00"), "bad `auth=` line: the key id is not a number from 1 to 15"),
        ("key id 0", withAuthLine("auth=0 00"), "bad `auth=` line: the key id is not a number from 1 to 15"),
        ("key id 16", withAuthLine("auth=16 00"), "bad `auth=` line: the key id is not a number from 1 to 15"),
        ("key id signed", withAuthLine("auth=+1 00"), "bad `auth=` line: the key id is not a number from 1 to 15"),
        ("key id empty", withAuthLine("auth= 00"), "bad `auth=` line: the key id is not a number from 1 to 15"),
        ("code empty", withAuthLine("auth=1 "), "bad `auth=` line: the code is not hexadecimal"),
        ("code not hex", withAuthLine("auth=1 zz"), "bad `auth=` line: the code is not hexadecimal"),
        ("code odd length", withAuthLine("auth=1 abc"), "bad `auth=` line: the code is not hexadecimal"),
        (
            "oversized", [UInt8](repeating: UInt8(ascii: "x"), count: 5000),
            "oversized: 5000 bytes, more than the limit of 1024"
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func rejectsABadFrameOrAuthLineAsMalformed(name: String) throws {
        let (_, bytes, reason) = try #require(Self.cases.first { $0.0 == name })
        #expect(Fixtures.codec().decode(bytes) == .failure(.malformed(reason)))
    }

    @Test func acceptsAnUpperCaseCode() throws {
        let text = String(decoding: Self.valid, as: UTF8.self)
        let authLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("auth=") })
        let upper = Self.withAuthLine("auth=1 " + authLine.dropFirst("auth=1 ".count).uppercased())
        #expect(Fixtures.codec().decode(upper) == .success(Fixtures.message))
    }

    @Test func readsNoFieldOfAnUnauthenticatedMessage() {
        // Signed with an unknown key and full of bad fields: the signature is checked first.
        let stranger = AuthKey(id: 9, method: .sha256, secret: AuthSecret(bytes: [1, 2, 3]), line: 1)
        let bytes = Fixtures.signed(["v=99", "garbage"], with: stranger)
        #expect(Fixtures.codec().decode(bytes) == .failure(.auth("signed with key 9, which authkeys does not list")))
        let forged = Fixtures.signed(["v=99", "garbage"], with: Fixtures.otherSha256Key)
        #expect(Fixtures.codec().decode(forged).failure?.kind == .auth)
    }
}
