import Testing

@testable import PairCore

@Suite struct HeartbeatSignatureTests {
    /// RFC 4231 test case 2, RFC 2202 test cases 2 (SHA-1 and MD5): key "Jefe".
    static let vectors: [(AuthMethod, String)] = [
        (.sha256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (.sha1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (.md5, "750c783e6ab0b503eaa86e310a5db738"),
        (.crc, "6bc70a6c"),
    ]

    @Test(arguments: vectors.map(\.0))
    func computesTheStandardCodes(method: AuthMethod) throws {
        let expected = try #require(Self.vectors.first { $0.0 == method }?.1)
        let key = AuthKey(
            id: 1, method: method, secret: method.needsKey ? AuthSecret(bytes: Array("Jefe".utf8)) : nil, line: 1)
        let code = HeartbeatSignature.code(for: Array("what do ya want for nothing?".utf8), key: key)
        #expect(HexEncoding.encode(code) == expected)
        #expect(code.count == HeartbeatSignature.length(of: method))
    }

    @Test func comparesWholeCodes() {
        #expect(HeartbeatSignature.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HeartbeatSignature.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HeartbeatSignature.constantTimeEqual([9, 2, 3], [1, 2, 3]))
        #expect(!HeartbeatSignature.constantTimeEqual([1, 2], [1, 2, 3]))
        #expect(HeartbeatSignature.constantTimeEqual([], []))
    }
}
