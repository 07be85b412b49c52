import Testing

@testable import PairLab

@Suite struct NetworkSafetyTests {
    @Test(arguments: ["[]", "", "\n"])
    func anEmptyTableHasNoDefaultRoute(_ json: String) throws {
        #expect(try NetworkSafety.defaultRoutes(inRouteJSON: json).isEmpty)
    }

    @Test func findsADefaultRouteAsIpPrintsIt() throws {
        let json = """
            [{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]},\
            {"dst":"default","gateway":"fd00::1","dev":"eth0","metric":1024,"flags":[],"pref":"medium"}]
            """
        let routes = try NetworkSafety.defaultRoutes(inRouteJSON: json)
        #expect(routes == ["default via 192.0.2.1 dev eth0", "default via fd00::1 dev eth0"])
    }

    @Test func findsADefaultRouteInAnotherTable() throws {
        let json = #"[{"dst":"default","dev":"wg0","table":"51820","scope":"link","flags":[]}]"#
        #expect(try NetworkSafety.defaultRoutes(inRouteJSON: json) == ["default dev wg0 table 51820"])
    }

    @Test func routesThatCarryNothingAreHarmless() throws {
        let json = """
            [{"type":"unreachable","dst":"default","flags":[]},{"type":"blackhole","dst":"default","flags":[]},\
            {"type":"local","dst":"127.0.0.0/8","dev":"lo","table":"local","flags":[]}]
            """
        #expect(try NetworkSafety.defaultRoutes(inRouteJSON: json).isEmpty)
    }

    @Test func anUnreadableTableIsNoProofOfIsolation() {
        #expect(throws: LabError.self) {
            try NetworkSafety.defaultRoutes(inRouteJSON: "default via 192.0.2.1 dev eth0")
        }
    }
}
