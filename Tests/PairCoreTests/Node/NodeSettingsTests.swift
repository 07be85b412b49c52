import Testing

@testable import PairCore

@Suite struct NodeSettingsTests {
    typealias F = NodeFixtures

    static func configuration(ping: Bool, fence: Bool) -> PairConfiguration {
        let ha = HAConfiguration(
            nodes: [F.castor, F.pollux], localNode: F.pollux, peerNode: F.castor,
            timing: HeartbeatTiming(deadtime: .seconds(10), initdead: .seconds(40)),
            media: [HeartbeatMedium(kind: .serial(device: "/dev/ttyS0"), line: 3, written: "serial /dev/ttyS0")],
            autoFailback: true,
            pingTargets: ping ? [PingTarget(kind: .address(IPv4Address("10.0.0.1")!), line: 4)] : [],
            monitoring: MonitorSettings(interval: .seconds(5), restartLimit: 7),
            fencing: FenceSettings(
                method: fence ? .command(path: "/usr/local/sbin/fence-pdu", arguments: []) : nil, delay: .seconds(9)),
            coldStartTakeover: true)
        return PairConfiguration(
            ha: ha, resources: HAResources(groups: [F.databaseGroup, F.extraGroup]),
            authKeys: AuthKeys(signingKeyID: 1, keys: []))
    }

    @Test func takesEveryRuleFromTheConfiguration() {
        let settings = NodeSettings(configuration: Self.configuration(ping: true, fence: true))
        #expect(
            settings
                == NodeSettings(
                    localNode: F.pollux, peerNode: F.castor, groups: [F.databaseGroup, F.extraGroup],
                    initdead: .seconds(40), autoFailback: true, coldStartTakeover: true, pingConfigured: true,
                    fencingConfigured: true, fenceDelay: .seconds(9), monitorInterval: .seconds(5), restartLimit: 7))
    }

    @Test func pingAndFencingAreOffWithoutTheirLines() {
        let settings = NodeSettings(configuration: Self.configuration(ping: false, fence: false))
        #expect(!settings.pingConfigured && !settings.fencingConfigured)
    }

    @Test func theRoleFollowsThePgsqlGroupWhereverItIsWritten() {
        #expect(F.settings(groups: [F.extraGroup, F.databaseGroup]).roleGroup == F.databaseGroup)
        #expect(F.settings(groups: [F.extraGroup]).roleGroup == F.extraGroup)
        #expect(F.settings(groups: []).roleGroup == nil)
    }

    @Test func theServiceAddressesAreTheGroupsIPaddrResources() {
        #expect(F.databaseGroup.serviceAddresses == [F.serviceAddress])
        let scriptOnly = ResourceGroup(
            homeNode: F.castor,
            resources: [
                Resource(kind: .script(name: "app", path: "/etc/init.d/app", arguments: []), written: "app", line: 1)
            ],
            line: 1)
        #expect(scriptOnly.serviceAddresses == [])
    }

    @Test func atLeastOneStopAttemptIsMade() {
        #expect(
            NodeSettings(localNode: F.castor, peerNode: F.pollux, groups: [], initdead: .seconds(30), stopAttempts: 0)
                .stopAttempts == 1)
    }
}
