import Testing

@testable import PairLab

struct LANInterfaceReadingTests {
    static let holding = """
        [{"ifindex":2,"link_index":5,"ifname":"lan0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,\
        "qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether",\
        "address":"5e:1c:2b:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[\
        {"family":"inet","local":"198.18.0.1","prefixlen":24,"scope":"global","label":"lan0",\
        "valid_life_time":4294967295,"preferred_life_time":4294967295},\
        {"family":"inet","local":"198.18.0.100","prefixlen":24,"broadcast":"198.18.0.255","scope":"global",\
        "label":"lan0:pgpair","valid_life_time":4294967295,"preferred_life_time":4294967295},\
        {"family":"inet6","local":"fe80::5c1c:2bff:fe00:1","prefixlen":64,"scope":"link",\
        "valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
        """

    @Test func anUpInterfaceWithTheServiceAddressHoldsIt() throws {
        let reading = try LANInterfaceReading.parse(json: Self.holding)
        #expect(reading == LANInterfaceReading(isUp: true, addresses: ["198.18.0.1", "198.18.0.100"]))
        #expect(reading.holds("198.18.0.100"))
        #expect(!reading.holds("198.18.0.10"))
    }

    @Test(arguments: [
        #"["BROADCAST","MULTICAST"]"#,  // set down: a cut cable
        #"["NO-CARRIER","BROADCAST","MULTICAST","UP"]"#,  // up, but the bridge port is down
    ])
    func aCutInterfaceIsNotUpButStillShowsItsAddresses(flags: String) throws {
        let json = """
            [{"ifname":"lan0","flags":\(flags),"operstate":"DOWN","addr_info":[\
            {"family":"inet","local":"198.18.0.100","prefixlen":24}]}]
            """
        let reading = try LANInterfaceReading.parse(json: json)
        #expect(!reading.isUp)
        #expect(reading.holds("198.18.0.100"))
    }

    @Test func anythingButOneInterfaceIsAnError() {
        #expect(throws: LabError.self) { try LANInterfaceReading.parse(json: "[]") }
        #expect(throws: (any Error).self) { try LANInterfaceReading.parse(json: "Device \"lan0\" does not exist.") }
    }
}
