import Testing

@testable import PairCore

@Suite struct IPv4AddressTests {
    @Test(arguments: ["10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.100.2"])
    func roundTrips(text: String) {
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(arguments: [
        "10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d", "10.0.0.1.2", "", "10..0.1", " 10.0.0.1",
        "castor", "10.0.0.-1", "1000.0.0.1",
    ])
    func rejects(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func valueIsHostOrder() {
        #expect(IPv4Address("10.0.0.2")?.value == 0x0A00_0002)
        #expect(IPv4Address(value: 0xC0A8_0001).description == "192.168.0.1")
        #expect(IPv4Address("10.0.0.1")! < IPv4Address("10.0.0.2")!)
    }

    @Test(arguments: [("224.0.0.1", true), ("239.192.0.42", true), ("223.255.255.255", false), ("240.0.0.1", false)])
    func multicast(text: String, isMulticast: Bool) {
        #expect(IPv4Address(text)?.isMulticast == isMulticast)
    }

    @Test(arguments: [
        ("0.0.0.0", true), ("127.0.0.1", true), ("255.255.255.255", true), ("224.0.0.1", true),
        ("240.0.0.1", true), ("10.0.0.1", false), ("192.168.1.255", false),
    ])
    func unusableAsHost(text: String, unusable: Bool) {
        #expect(IPv4Address(text)?.isUnusableAsHost == unusable)
    }
}
