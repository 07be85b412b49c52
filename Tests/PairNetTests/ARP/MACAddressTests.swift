import Testing

@testable import PairNet

@Suite("MAC addresses")
struct MACAddressTests {
    @Test("text, octets and value agree, most significant octet first")
    func roundTrip() throws {
        let address = try #require(MACAddress("02:1A:c6:00:53:ff"))
        #expect(address.value == 0x021a_c600_53ff)
        #expect(address.octets == [0x02, 0x1a, 0xc6, 0x00, 0x53, 0xff])
        #expect(address.description == "02:1a:c6:00:53:ff")
        #expect(MACAddress(octets: address.octets) == address)
        #expect(MACAddress.broadcast.description == "ff:ff:ff:ff:ff:ff")
        #expect(MACAddress.zero.octets == [0, 0, 0, 0, 0, 0])
    }

    @Test(
        "anything but six colon-separated hex pairs is refused",
        arguments: [
            "", "02:1a:c6:00:53", "02:1a:c6:00:53:ff:00", "2:1a:c6:00:53:ff", "02-1a-c6-00-53-ff",
            "02:1a:c6:00:53:fg", "+2:1a:c6:00:53:ff", "02:1a:c6:00:53:ff:",
        ])
    func malformed(text: String) {
        #expect(MACAddress(text) == nil)
    }

    @Test("six octets exactly", arguments: [0, 5, 7])
    func octetCount(count: Int) {
        #expect(MACAddress(octets: [UInt8](repeating: 1, count: count)) == nil)
    }

    @Test("bits above the 48th are dropped")
    func value() {
        #expect(MACAddress(value: 0xffff_0000_0000_0001).value == 1)
    }
}
