import Testing

@testable import PairCore

@Suite struct HAConfigParserPingTests {
    @Test func pingAndPingGroup() throws {
        let ha = try #require(
            ConfigFixtures.ha("ping 10.0.0.254 10.0.1.254\nping_group gw 10.0.0.252 10.0.0.253").value)
        #expect(
            ha.pingTargets == [
                PingTarget(kind: .address(IPv4Address("10.0.0.254")!), line: 6),
                PingTarget(kind: .address(IPv4Address("10.0.1.254")!), line: 6),
                PingTarget(
                    kind: .group(name: "gw", members: [IPv4Address("10.0.0.252")!, IPv4Address("10.0.0.253")!]),
                    line: 7),
            ])
        #expect(ha.pingTargets.map(\.name) == ["10.0.0.254", "10.0.1.254", "gw"])
    }

    @Test(arguments: [
        "ping", "ping gateway.example", "ping 10.0.0.254 10.0.0.254", "ping 0.0.0.0", "ping_group gw",
        "ping_group 10.0.0.1 10.0.0.2", "ping_group gw 10.0.0.1 10.0.0.1", "ping_group gw router",
        "ping 10.0.0.9\nping_group 10.0.0.9 10.0.0.8",
    ])
    func pingErrors(lines: String) {
        #expect(ConfigFixtures.ha(lines).errors.count == 1)
    }

    @Test func duplicateTargetNamesItsFirstLine() {
        let result = ConfigFixtures.ha("ping_group gw 10.0.0.1\nping_group gw 10.0.0.2")
        #expect(result.errors.map(\.rendered) == ["ha.cf:7: ping target gw is already declared on line 6"])
    }
}
