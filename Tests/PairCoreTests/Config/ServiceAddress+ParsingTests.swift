import Testing

@testable import PairCore

@Suite struct ServiceAddressParsingTests {
    @Test func addressAlone() throws {
        let address = try ServiceAddress.parse("10.0.0.100").get()
        #expect(address == ServiceAddress(address: IPv4Address("10.0.0.100")!))
    }

    @Test func everyPart() throws {
        let address = try ServiceAddress.parse("10.0.0.100/24/eth0:1/10.0.0.255").get()
        #expect(address.prefixLength == 24)
        #expect(address.interface == "eth0:1")
        #expect(address.broadcast == IPv4Address("10.0.0.255"))
    }

    @Test(arguments: ["10.0.0.1/32", "10.0.0.1/31", "10.0.0.2/30/eth0"])
    func acceptsSmallSubnets(text: String) {
        #expect((try? ServiceAddress.parse(text).get()) != nil)
    }

    @Test(arguments: [
        ("10.0.0.300", "is not an IPv4 address"),
        ("castor", "is not an IPv4 address"),
        ("10.0.0.100/33", "prefix length from 1 to 32"),
        ("10.0.0.100/0", "prefix length from 1 to 32"),
        ("10.0.0.100/-1", "prefix length from 1 to 32"),
        ("10.0.0.100/", "prefix length from 1 to 32"),
        ("10.0.0.100/255.255.255.0", "prefix length from 1 to 32"),
        ("10.0.0.100/24/", "not a network interface name"),
        ("10.0.0.100/24/averyveryverylongname", "not a network interface name"),
        ("10.0.0.100/24/eth0/10.0.0.256", "broadcast"),
        ("10.0.0.100/24/eth0/10.0.0.255/x", "too many parts"),
        ("10.0.0.0/24", "network address"),
        ("10.0.0.255/24", "broadcast address"),
        ("127.0.0.1", "cannot be a service address"),
        ("224.0.0.5", "cannot be a service address"),
    ])
    func refuses(text: String, reason: String) {
        guard case .failure(let failure) = ServiceAddress.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(failure.message.contains(reason))
    }
}
