import Testing

@testable import PairCore

@Suite struct HAConfigParserMediaTests {
    private let nodes = "node castor\nnode pollux\n"

    @Test func everyKindOfMediumMixed() throws {
        let text =
            nodes + """
                bcast eth1 eth2
                mcast eth3 239.192.0.42 694 1 0
                ucast hb0 10.0.0.2
                serial /dev/ttyS0 /dev/ttyUSB0
                """
        let ha = try #require(ConfigFixtures.haText(text).value)
        #expect(
            ha.media.map(\.written) == [
                "bcast eth1", "bcast eth2", "mcast eth3 239.192.0.42 694 1 0", "ucast hb0 10.0.0.2",
                "serial /dev/ttyS0",
                "serial /dev/ttyUSB0",
            ])
        #expect(ha.media.map(\.line) == [3, 3, 4, 5, 6, 6])
        #expect(ha.media[0].kind == .broadcast(interface: "eth1"))
        #expect(
            ha.media[2].kind
                == .multicast(
                    interface: "eth3", group: IPv4Address("239.192.0.42")!, port: 694,
                    ttl: 1, loop: false))
        #expect(ha.media[3].kind == .unicast(interface: "hb0", peer: IPv4Address("10.0.0.2")!))
        #expect(ha.media[5].kind == .serial(device: "/dev/ttyUSB0"))
        #expect(ha.media.map(\.usesUDPPort) == [true, true, false, true, false, false])
        #expect(ha.media.map(\.isSerial) == [false, false, false, false, true, true])
    }

    @Test func ucastToThisNodesOwnAddressIsIgnored() throws {
        let text = nodes + "ucast hb0 10.0.0.1\nucast hb0 10.0.0.2\nserial /dev/ttyS0"
        let result = ConfigFixtures.haText(text)
        #expect(result.diagnostics.isEmpty)
        let ha = try #require(result.value)
        #expect(ha.media.map(\.written) == ["ucast hb0 10.0.0.2", "serial /dev/ttyS0"])
        #expect(ha.ignoredMedia.map(\.written) == ["ucast hb0 10.0.0.1"])
    }

    @Test func ucastIsKeptWhenTheAddressesAreUnknown() throws {
        let text = nodes + "ucast hb0 10.0.0.1\nucast hb0 10.0.0.2\nserial /dev/ttyS0"
        let ha = try #require(ConfigFixtures.haText(text, host: ConfigFixtures.host(addresses: nil)).value)
        #expect(ha.media.map(\.written) == ["ucast hb0 10.0.0.1", "ucast hb0 10.0.0.2", "serial /dev/ttyS0"])
        #expect(ha.ignoredMedia.isEmpty)
    }

    @Test func onlyUcastToSelfIsAnError() {
        let result = ConfigFixtures.haText(nodes + "ucast hb0 10.0.0.1")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf: every heartbeat medium is a ucast to this node's own address (`ucast hb0 10.0.0.1`); add "
                    + "`ucast IF PEER-IP` with the peer's address, or another medium such as `serial /dev/ttyS0`"
            ])
    }

    @Test(arguments: [
        ("bcast hb0\nucast hb0 10.0.0.2", 4, "`ucast hb0 10.0.0.2` and `bcast hb0` (line 3) both use port 694 on hb0"),
        ("mcast hb0 239.192.0.42 694 1 0\nbcast hb0", 4, "`bcast hb0` and `mcast hb0 239.192.0.42 694 1 0`"),
    ])
    func twoUDPMediaOnOneInterfaceAndPortAreAWarning(media: String, line: Int, message: String) throws {
        let result = ConfigFixtures.haText(nodes + media + "\nserial /dev/ttyS0")
        #expect(ConfigFixtures.places(result.diagnostics) == ["\(line) warning"])
        #expect(result.diagnostics.first?.message.hasPrefix(message) == true, "\(result.diagnostics)")
        #expect(result.value != nil)
    }

    @Test func twoUcastLinesOnOneInterfaceAreTheSharedFilePattern() {
        let result = ConfigFixtures.haText(nodes + "ucast hb0 10.0.0.2\nucast hb0 10.0.0.3\nserial /dev/ttyS0")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func udpMediaOnOtherInterfacesOrPortsShareNothing() {
        let text = nodes + "bcast eth1\nucast hb0 10.0.0.2\nmcast hb0 239.192.0.42 695 1 0\nserial /dev/ttyS0"
        #expect(ConfigFixtures.haText(text).diagnostics.isEmpty)
    }

    @Test func aSingleMediumIsAWarning() {
        let result = ConfigFixtures.haText(nodes + "ucast hb0 10.0.0.2")
        #expect(ConfigFixtures.places(result.diagnostics) == ["3 warning"])
        #expect(result.diagnostics[0].message.hasPrefix("`ucast hb0 10.0.0.2` is the only heartbeat medium"))
        #expect(result.value != nil)
    }

    @Test(arguments: [
        "bcast", "bcast eth/1", "mcast eth1 239.192.0.42 694 1", "mcast eth1 10.0.0.9 694 1 0",
        "mcast eth1 239.192.0.42 0 1 0", "mcast eth1 239.192.0.42 694 0 0", "mcast eth1 239.192.0.42 694 256 0",
        "mcast eth1 239.192.0.42 694 1 2", "mcast eth1 castor 694 1 0", "ucast eth1", "ucast eth1 pollux",
        "ucast eth1 10.0.0.2 extra", "ucast eth1 127.0.0.1", "ucast averyveryverylongname 10.0.0.3", "serial",
        "serial ttyS1", "serial /dev/", "ucast eth1 10.0.0.2",
    ])
    func malformedMediaAreErrors(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(result.errors.map(\.line) == [6], "\(result.diagnostics)")
    }

    @Test(arguments: [
        ("ucast eth1 pollux", "`pollux` is not an IPv4 address (pgpair does not resolve names for media"),
        ("ucast eth1 127.0.0.1", "`127.0.0.1` cannot be the peer's address (loopback, broadcast, multicast"),
        ("ucast eth1 239.192.0.42", "`239.192.0.42` cannot be the peer's address"),
    ])
    func aUcastPeerMustBeAnAddressThatCanNameAHost(line: String, message: String) {
        let result = ConfigFixtures.ha(line)
        #expect(result.errors.first?.message.hasPrefix(message) == true, "\(result.diagnostics)")
    }

    @Test func udpIsAcceptedAsBcastWithAWarning() throws {
        let result = ConfigFixtures.ha("udp eth2")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:6: warning: `udp` is heartbeat's old name for `bcast`; write `bcast`"
            ])
        #expect(try #require(result.value).media.last?.written == "bcast eth2")
    }

    @Test(arguments: ["ucast6 eth1 fe80::1", "mcast6 eth1 ff12::1 694 1 0", "hbaping fc0"])
    func heartbeatMediaPgpairCannotUseAreErrors(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error"])
        #expect(result.diagnostics[0].message.contains("is not supported"))
    }

    @Test func udpportAfterMediaIsAWarning() {
        let result = ConfigFixtures.ha("udpport 700")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning"])
        #expect(result.diagnostics[0].message.contains("pgpair uses port 700 for every bcast and ucast medium"))
        #expect(ConfigFixtures.haText("udpport 700\n" + ConfigFixtures.minimalHA).diagnostics.isEmpty)
    }

    @Test func mcastLoopAndTTL() throws {
        let ha = try #require(ConfigFixtures.ha("mcast eth3 224.0.0.200 7000 255 1").value)
        #expect(
            ha.media.last?.kind
                == .multicast(
                    interface: "eth3", group: IPv4Address("224.0.0.200")!,
                    port: 7000, ttl: 255, loop: true))
    }
}
