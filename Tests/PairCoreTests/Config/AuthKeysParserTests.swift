import Testing

@testable import PairCore

@Suite struct AuthKeysParserTests {
    private let key = ConfigFixtures.key

    @Test func signingKeyAndRotationKeys() throws {
        let text = "# keys\nauth 2\n1 sha1 \(key)\n2 sha256 \(key)x\n3 MD5 \(key)y\n"
        let result = ConfigFixtures.keys(text)
        #expect(result.diagnostics.isEmpty)
        let keys = try #require(result.value)
        #expect(keys.signingKeyID == 2)
        #expect(keys.signingKey?.method == .sha256)
        #expect(keys.signingKey?.secret?.bytes == Array((key + "x").utf8))
        #expect(keys.keys.map(\.id) == [1, 2, 3])
        #expect(keys.keys.map(\.method) == [.sha1, .sha256, .md5])
        #expect(keys.key(withID: 3)?.line == 5)
        #expect(keys.key(withID: 4) == nil)
    }

    @Test func crcIsAWarning() throws {
        let result = ConfigFixtures.keys("auth 1\n1 crc")
        #expect(ConfigFixtures.places(result.diagnostics) == ["2 warning"])
        #expect(result.diagnostics[0].message.hasPrefix("key 1 uses crc, which authenticates nothing"))
        #expect(try #require(result.value).signingKey?.secret == nil)
    }

    @Test func shortKeyIsAWarning() {
        let result = ConfigFixtures.keys("auth 1\n1 sha256 short")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "authkeys:2: warning: key 1 is shorter than 16 characters; use a long random key, e.g. from "
                    + "`openssl rand -hex 32`"
            ])
    }

    @Test func keyMayContainAHash() throws {
        let keys = try #require(ConfigFixtures.keys("auth 1\n1 sha256 #\(key)").value)
        #expect(keys.signingKey?.secret?.bytes == Array(("#" + key).utf8))
    }

    @Test(arguments: [
        ("", "- error", "authkeys has no `auth` line; write `auth 1` to sign with key 1"),
        ("auth 2\n1 sha256 K", "1 error", "`auth 2` names a key that is not defined"),
        ("auth\n1 sha256 K", "1 error", "`auth` takes the id of the signing key, 1 to 15"),
        ("auth 16\n1 sha256 K", "1 error", "`auth` takes the id of the signing key, 1 to 15"),
        ("auth 1 2\n1 sha256 K", "1 error", "`auth` takes the id of the signing key, 1 to 15"),
        ("auth 1\nauth 1\n1 sha256 K", "2 error", "`auth` is already set on line 1"),
        ("auth 1\n0 sha256 K", "2 error", "a key id must be from 1 to 15"),
        ("auth 1\n16 sha256 K", "2 error", "a key id must be from 1 to 15"),
        ("auth 1\n1 sha256 K\n1 sha1 K", "3 error", "key 1 is already defined on line 2"),
        ("auth 1\n1 sha512 K", "2 error", "key 1 needs a method, one of sha256, sha1, md5, crc"),
        ("auth 1\n1", "2 error", "key 1 needs a method"),
        ("auth 1\n1 sha256", "2 error", "key 1 (sha256) needs a key"),
        ("auth 1\n1 crc K", "2 error", "key 1 uses crc, which takes no key"),
        ("auth 1\n1 sha256 two words", "2 error", "the key of key 1 must be one word"),
        ("auth 1\nkey sha256 K", "2 error", "this is not an authkeys line"),
    ])
    func errors(text: String, place: String, fragment: String) {
        let result = ConfigFixtures.keys(text.replacing(" K", with: " " + key))
        let matching = result.errors.filter {
            ConfigFixtures.places([$0]) == [place] && $0.message.hasPrefix(fragment)
        }
        #expect(matching.count == 1, "\(result.diagnostics)")
        #expect(result.value == nil)
    }

    @Test(arguments: [
        "auth 1\n1 sha512 secret-word", "auth 1\n1 secret-word", "auth 1\n1 sha256 secret-word extra",
        "auth 1\nsecret-word", "secret-word\nauth 1\n1 sha256 secret-word-that-is-long", "auth 1\n1 crc secret-word",
    ])
    func noMessageEverContainsAKey(text: String) {
        let diagnostics = ConfigFixtures.keys(text).diagnostics
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { !$0.rendered.contains("secret") }, "\(diagnostics)")
    }
}
