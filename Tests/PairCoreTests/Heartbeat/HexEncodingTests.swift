import Testing

@testable import PairCore

@Suite struct HexEncodingTests {
    @Test func encodesTwoDigitsPerByte() {
        #expect(HexEncoding.encode([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(HexEncoding.encode([0x0A, 0xBC], uppercase: true) == "0ABC")
        #expect(HexEncoding.encode([]) == "")
    }

    @Test func decodesEitherCase() {
        #expect(HexEncoding.decode(Array("000fA5fF".utf8)) == [0x00, 0x0F, 0xA5, 0xFF])
        #expect(HexEncoding.decode(Array("".utf8)) == [])
    }

    @Test(arguments: ["0", "abc", "0g", "g0", " 0", "0x"])
    func rejectsAnOddCountOrANonDigit(text: String) {
        #expect(HexEncoding.decode(Array(text.utf8)) == nil)
    }

    @Test func roundTripsEveryByte() {
        let bytes = (0...255).map(UInt8.init)
        #expect(HexEncoding.decode(Array(HexEncoding.encode(bytes).utf8)) == bytes)
    }
}
