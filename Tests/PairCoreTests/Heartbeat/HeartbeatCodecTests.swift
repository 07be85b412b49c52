import Testing

@testable import PairCore

@Suite struct HeartbeatCodecTests {
    typealias Fixtures = HeartbeatFixtures

    @Test func encodesTheDocumentedLayoutSignedWithTheAuthKey() {
        let bytes = Fixtures.codec().encode(Fixtures.message)
        #expect(bytes == Fixtures.signed(Fixtures.messageLines, with: Fixtures.sha256Key))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == ">>>")
        #expect(Array(lines.dropFirst().prefix(Fixtures.messageLines.count)) == Fixtures.messageLines)
        #expect(lines.suffix(3).first?.hasPrefix("auth=1 ") == true)
        #expect(lines.suffix(2) == ["<<<", ""])
    }

    @Test func aUsualMessageFitsASerialLineBudget() {
        let bytes = Fixtures.codec().encode(Fixtures.message)
        #expect(bytes.count < 250)
        var large = Fixtures.message
        large.generation = .max
        large.sequence = .max
        large.epoch = .max
        large.copy = SyncStamp(startedAt: .max, finishedAt: .max, epoch: .max)
        #expect(Fixtures.codec().encode(large).count < 400)
    }

    @Test(arguments: HeartbeatFixtures.allKeys)
    func roundTripsWithEveryMethod(key: AuthKey) {
        let codec = Fixtures.codec(signing: key)
        let bytes = codec.encode(Fixtures.message)
        let hexDigits = 2 * HeartbeatSignature.length(of: key.method)
        #expect(String(decoding: bytes, as: UTF8.self).contains("auth=\(key.id) "))
        #expect(bytes.count == Fixtures.body(Fixtures.messageLines).count + "auth=N \n<<<\n".count + hexDigits)
        #expect(codec.decode(bytes) == .success(Fixtures.message))
    }

    static let variants: [(String, @Sendable (inout HeartbeatMessage) -> Void)] = [
        ("no groups", { $0.heldGroups = [] }),
        ("two groups", { $0.heldGroups = ["10.0.0.100", "IPaddr::10.0.0.101/24/eth0"] }),
        ("a group with separators", { $0.heldGroups = ["Filesystem::/dev/sdb1::/data::ext4::rw,noatime", "a=b %"] }),
        ("a group with blanks", { $0.heldGroups = [" x  y "] }),
        ("a non-ASCII name", { $0.sender = "kästor" }),
        ("no copy", { $0.copy = nil }),
        ("zero copy", { $0.copy = SyncStamp(startedAt: 0, finishedAt: 0, epoch: 0) }),
        ("negative stamps", { $0.copy = SyncStamp(startedAt: -1, finishedAt: .min, epoch: 1) }),
        (
            "largest numbers",
            { message in
                message.generation = .max
                message.sequence = .max
                message.epoch = .max
            }
        ),
        (
            "zero numbers",
            { message in
                message.generation = 0
                message.sequence = 0
                message.epoch = 0
            }
        ),
        ("deadtime in milliseconds", { $0.deadtime = .milliseconds(1500) }),
        ("zero deadtime", { $0.deadtime = .zero }),
    ]

    @Test(arguments: variants.map(\.0))
    func roundTripsEveryField(variant: String) throws {
        var message = Fixtures.message
        let change = try #require(Self.variants.first { $0.0 == variant }?.1)
        change(&message)
        let codec = Fixtures.codec()
        #expect(codec.decode(codec.encode(message)) == .success(message))
    }

    @Test(arguments: NodeRole.allCases)
    func roundTripsEveryRole(role: NodeRole) {
        var message = Fixtures.message
        message.role = role
        let codec = Fixtures.codec()
        #expect(codec.decode(codec.encode(message)) == .success(message))
    }

    @Test func escapesSeparatorsInNames() {
        var message = Fixtures.message
        message.heldGroups = ["a,b", "c=d", "50%", "e f"]
        let text = String(decoding: Fixtures.codec().encode(message), as: UTF8.self)
        #expect(text.contains("\ngroups=a%2Cb,c%3Dd,50%25,e%20f\n"))
    }

    @Test func aNameWithAControlCharacterIsSentEscapedAndRejectedByTheReceiver() {
        var message = Fixtures.message
        message.heldGroups = ["a\nrole=standby"]
        let bytes = Fixtures.codec().encode(message)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\ngroups=a%0Arole%3Dstandby\n"))
        #expect(
            Fixtures.codec().decode(bytes)
                == .failure(.malformed("`groups=a%0Arole%3Dstandby` holds an empty or invalid group name")))
    }

    @Test func writesDeadtimeInWholeMilliseconds() throws {
        var message = Fixtures.message
        message.deadtime = .microseconds(2_500_900)
        let codec = Fixtures.codec()
        #expect(String(decoding: codec.encode(message), as: UTF8.self).contains("\ndeadtime_ms=2500\n"))
        #expect(try codec.decode(codec.encode(message)).get().deadtime == .milliseconds(2500))
    }

    @Test func acceptsAMessageSignedWithAnotherListedKeyDuringRotation() {
        let receiver = Fixtures.codec(signing: Fixtures.sha256Key, accepting: [Fixtures.sha256Key, Fixtures.sha1Key])
        let sender = Fixtures.codec(signing: Fixtures.sha1Key, accepting: [Fixtures.sha256Key, Fixtures.sha1Key])
        #expect(receiver.decode(sender.encode(Fixtures.message)) == .success(Fixtures.message))
        #expect(sender.decode(receiver.encode(Fixtures.message)) == .success(Fixtures.message))
    }

    @Test func rejectsAMessageSignedWithAKeyRemovedFromAuthkeys() {
        let sender = Fixtures.codec(signing: Fixtures.sha1Key)
        let receiver = Fixtures.codec(signing: Fixtures.sha256Key, accepting: [Fixtures.sha256Key])
        #expect(
            receiver.decode(sender.encode(Fixtures.message))
                == .failure(.auth("signed with key 2, which authkeys does not list")))
    }

    @Test func rejectsAMessageSignedWithAnotherSecretUnderTheSameID() {
        let forged = Fixtures.codec(signing: Fixtures.otherSha256Key, accepting: [Fixtures.otherSha256Key])
        #expect(
            Fixtures.codec().decode(forged.encode(Fixtures.message))
                == .failure(.auth("the code does not match key 1 (sha256): another key, or an altered message")))
    }

    @Test func rejectsACodeMadeWithAnotherMethodUnderTheSameID() {
        let md5UnderID1 = AuthKey(id: 1, method: .md5, secret: Fixtures.sha256Key.secret, line: 2)
        let sender = Fixtures.codec(signing: md5UnderID1, accepting: [md5UnderID1])
        #expect(
            Fixtures.codec().decode(sender.encode(Fixtures.message))
                == .failure(
                    .auth("the code's length does not fit key 1's method (sha256); do the nodes' authkeys differ?")))
    }

    @Test func crcAcceptsAnyoneWhoComputesTheChecksum() {
        let crcOnly = Fixtures.codec(signing: Fixtures.crcKey, accepting: [Fixtures.crcKey])
        let bytes = Fixtures.signed(Fixtures.messageLines, with: Fixtures.crcKey)
        #expect(crcOnly.decode(bytes) == .success(Fixtures.message))
    }

    @Test(arguments: HeartbeatFixtures.allKeys)
    func alteringAnySignedByteIsAnAuthRejection(key: AuthKey) {
        let codec = Fixtures.codec(signing: key)
        let bytes = codec.encode(Fixtures.message)
        // From after `>>>\n` to before the newline that ends the signed body (changing that one moves `auth=`).
        let signedEnd = Fixtures.body(Fixtures.messageLines).count - 1
        for index in 4..<signedEnd {
            for replacement: UInt8 in [bytes[index] ^ 0x01, bytes[index] ^ 0x80, UInt8(ascii: "7")]
            where replacement != bytes[index] {
                var tampered = bytes
                tampered[index] = replacement
                let result = codec.decode(tampered)
                #expect(result.failure?.kind == .auth, "byte \(index) changed to \(replacement): \(result)")
            }
        }
    }

    @Test(arguments: HeartbeatFixtures.allKeys)
    func alteringAnyByteAtAllIsNeverAccepted(key: AuthKey) {
        let codec = Fixtures.codec(signing: key)
        let bytes = codec.encode(Fixtures.message)
        for index in bytes.indices {
            var tampered = bytes
            tampered[index] ^= 0x01
            #expect(codec.decode(tampered).failure != nil, "byte \(index)")
        }
    }

    @Test(arguments: HeartbeatFixtures.allKeys)
    func alteringTheCodeIsAnAuthRejection(key: AuthKey) {
        let codec = Fixtures.codec(signing: key)
        let bytes = codec.encode(Fixtures.message)
        let codeStart = Fixtures.body(Fixtures.messageLines).count + "auth=N ".count
        for index in codeStart..<(bytes.count - "\n<<<\n".count) {
            var tampered = bytes
            tampered[index] = tampered[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            #expect(codec.decode(tampered).failure?.kind == .auth, "code digit \(index - codeStart)")
        }
    }

    @Test func unknownFieldsAreIgnoredButAuthenticated() {
        let lines = Fixtures.messageLines + ["future_field=some value, with = signs", "x2=", "auth=9 not-the-last"]
        let bytes = Fixtures.signed(lines)
        #expect(Fixtures.codec().decode(bytes) == .success(Fixtures.message))
        let reordered = Fixtures.signed(["zz=1"] + Fixtures.messageLines.reversed())
        #expect(Fixtures.codec().decode(reordered) == .success(Fixtures.message))

        var tampered = bytes
        let index = Fixtures.body(Fixtures.messageLines).count + "future_field=some ".count
        tampered[index] = UInt8(ascii: "V")
        #expect(Fixtures.codec().decode(tampered).failure?.kind == .auth)
    }

    @Test func aMessageOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
        let base = Fixtures.signed(Fixtures.messageLines + ["pad="]).count
        let padding = String(repeating: "p", count: HeartbeatCodec.maximumMessageSize - base)
        let atLimit = Fixtures.signed(Fixtures.messageLines + ["pad=" + padding])
        #expect(atLimit.count == 1024)
        #expect(Fixtures.codec().decode(atLimit) == .success(Fixtures.message))

        let over = Fixtures.signed(Fixtures.messageLines + ["pad=" + padding + "p"])
        #expect(
            Fixtures.codec().decode(over) == .failure(.malformed("oversized: 1025 bytes, more than the limit of 1024")))
    }

    @Test func decodesAnyCollectionOfBytes() {
        let codec = Fixtures.codec()
        let bytes = codec.encode(Fixtures.message)
        #expect(codec.decode(bytes[...]) == .success(Fixtures.message))
        #expect(codec.decode(([0] + bytes).dropFirst()) == .success(Fixtures.message))
    }

    @Test(arguments: HeartbeatFixtures.allKeys)
    func noReasonHoldsAKeyOrACode(key: AuthKey) {
        let codec = Fixtures.codec(signing: key)
        let bytes = codec.encode(Fixtures.message)
        let code = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("auth=") }!
            .split(separator: " ")[1]
        let secrets = Fixtures.allKeys.compactMap(\.secret).map { String(decoding: $0.bytes, as: UTF8.self) }
        for index in bytes.indices {
            var tampered = bytes
            tampered[index] ^= 0x01
            guard let reason = codec.decode(tampered).failure?.reason else { continue }
            #expect(!reason.contains(code.prefix(8)), "\(reason)")
            #expect(!secrets.contains { reason.contains($0) }, "\(reason)")
        }
    }
}
