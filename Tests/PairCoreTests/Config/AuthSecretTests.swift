import Testing

@testable import PairCore

@Suite struct AuthSecretTests {
    @Test func neverShowsItself() {
        let secret = AuthSecret(bytes: Array("hunter2-hunter2-hunter2".utf8))
        let key = AuthKey(id: 1, method: .sha256, secret: secret, line: 2)
        let keys = AuthKeys(signingKeyID: 1, keys: [key])
        #expect(secret.description == "<redacted>")
        #expect(String(reflecting: secret) == "AuthSecret(<redacted>)")
        for text in ["\(secret)", "\(key)", "\(keys)", String(reflecting: key), String(reflecting: keys)] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
        var dumped = ""
        dump(keys, to: &dumped)
        #expect(!dumped.contains("hunter2") && !dumped.contains("104"), "\(dumped)")
    }

    @Test func comparesByBytes() {
        #expect(AuthSecret(bytes: [1, 2]) == AuthSecret(bytes: [1, 2]))
        #expect(AuthSecret(bytes: [1, 2]) != AuthSecret(bytes: [2, 1]))
    }

    @Test func methodsThatNeedAKey() {
        #expect(AuthMethod.allCases.filter(\.needsKey) == [.sha256, .sha1, .md5])
    }
}
