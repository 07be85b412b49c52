import Testing

@testable import PairCore

@Suite struct AuthKeysTests {
    private let first = AuthKey(id: 1, method: .sha1, secret: AuthSecret(bytes: [1]), line: 2)
    private let second = AuthKey(id: 7, method: .sha256, secret: AuthSecret(bytes: [2]), line: 3)

    @Test func signingKeyIsTheOneAuthNames() {
        #expect(AuthKeys(signingKeyID: 7, keys: [first, second]).signingKey == second)
        #expect(AuthKeys(signingKeyID: 2, keys: [first, second]).signingKey == nil)
    }

    @Test func everyListedKeyIsFoundById() {
        let keys = AuthKeys(signingKeyID: 7, keys: [first, second])
        #expect(keys.key(withID: 1) == first)
        #expect(keys.key(withID: 15) == nil)
        #expect(AuthKeys.validIDs == 1...15)
    }
}
