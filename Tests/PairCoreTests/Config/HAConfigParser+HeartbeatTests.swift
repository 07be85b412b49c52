import Testing

@testable import PairCore

@Suite struct HAConfigParserHeartbeatTests {
    @Test func nodeNamesAreLowerCasedAndMayShareALine() throws {
        let text = "node Castor POLLUX\nucast eth1 10.0.0.2\nserial /dev/ttyS0"
        let ha = try #require(ConfigFixtures.haText(text, host: ConfigFixtures.host(node: "CASTOR")).value)
        #expect(ha.nodes == ["castor", "pollux"])
        #expect(ha.localNode == "castor")
    }

    @Test func thirdNodeIsAnError() {
        let result = ConfigFixtures.ha("node helene")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:6: a pair has exactly two nodes, castor and pollux; remove `helene` or one of them"
            ])
    }

    @Test func duplicateNodeIsAnError() {
        let text = "node castor\nnode castor\nucast eth1 10.0.0.2\nserial /dev/ttyS0"
        let result = ConfigFixtures.haText(text)
        #expect(ConfigFixtures.places(result.diagnostics) == ["2 error", "- error"])
        #expect(result.diagnostics[0].message == "node castor is already declared on line 1")
        #expect(result.diagnostics[1].message.hasPrefix("ha.cf has only node castor; a pair needs exactly two"))
    }

    @Test(arguments: ["node", "node bad/name"])
    func malformedNodeLine(line: String) {
        #expect(ConfigFixtures.ha(line).errors.map(\.line) == [6])
    }

    @Test func thisNodeMustBeOneOfTheTwo() {
        let result = ConfigFixtures.ha(host: ConfigFixtures.host(node: "helene"))
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf: this node, helene, is not one of the nodes (castor, pollux); add `node helene` or run with "
                    + "--node NAME"
            ])
    }

    @Test(arguments: [
        ("auto_failback on", true), ("auto_failback off", false), ("auto_failback yes", true),
        ("auto_failback false", false), ("nice_failback on", false),
    ])
    func autoFailback(line: String, expected: Bool) throws {
        let result = ConfigFixtures.ha(line)
        #expect(try #require(result.value).autoFailback == expected)
    }

    @Test func niceFailbackOnIsAcceptedWithAWarning() {
        let result = ConfigFixtures.ha("nice_failback on")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:6: warning: `nice_failback on` is obsolete; pgpair reads it as `auto_failback off`: write that "
                    + "instead"
            ])
    }

    @Test func autoFailbackLegacyIsAnErrorThatExplainsWhy() {
        let result = ConfigFixtures.ha("auto_failback legacy")
        #expect(result.errors.count == 1)
        #expect(result.errors[0].line == 6)
        #expect(result.errors[0].message.hasPrefix("`auto_failback legacy` is not supported: it kept heartbeat"))
        #expect(result.errors[0].message.contains("write `auto_failback off`"))
    }

    @Test(arguments: ["auto_failback maybe", "nice_failback off", "auto_failback on\nnice_failback on"])
    func autoFailbackErrors(lines: String) {
        #expect(ConfigFixtures.ha(lines).errors.count == 1)
    }

    @Test(arguments: ["crm on", "crm respawn", "pacemaker yes", "pacemaker respawn", "crm true"])
    func clusterManagerOnIsAnError(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error"])
        #expect(result.diagnostics[0].message.contains("Pacemaker, a different cluster manager"))
    }

    @Test(arguments: ["crm off", "crm no", "pacemaker off", "pacemaker false"])
    func clusterManagerOffIsAWarning(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning"])
        #expect(result.value != nil)
    }

    @Test(arguments: [9600, 19200, 38400, 57600, 115200, 230400, 460800, 1200])
    func standardBaudRates(rate: Int) throws {
        #expect(try #require(ConfigFixtures.ha("baud \(rate)").value).baudRate == rate)
    }

    @Test(arguments: ["baud 19201", "baud 0", "baud fast", "baud 9600 19200", "baud"])
    func nonStandardBaudRates(line: String) {
        #expect(ConfigFixtures.places(ConfigFixtures.ha(line).diagnostics) == ["6 error"])
    }

    @Test func baudWithoutSerialIsAWarning() {
        let text = "node castor\nnode pollux\nucast eth1 10.0.0.2\nbcast eth2\nbaud 38400"
        #expect(ConfigFixtures.places(ConfigFixtures.haText(text).diagnostics) == ["5 warning"])
    }

    @Test func logging() throws {
        let ha = try #require(
            ConfigFixtures.ha("logfacility LOCAL7\nlogfile /var/log/pgpair.log\ndebugfile /var/log/pgpair-debug.log")
                .value)
        #expect(
            ha.logging
                == LogSettings(
                    facility: "local7", file: "/var/log/pgpair.log",
                    debugFile: "/var/log/pgpair-debug.log"))
    }

    @Test(arguments: ["logfacility kernel", "logfile pgpair.log", "debugfile", "logfacility none daemon"])
    func loggingErrors(line: String) {
        #expect(ConfigFixtures.places(ConfigFixtures.ha(line).diagnostics) == ["6 error"])
    }

    @Test func logFacilityNoneIsAccepted() throws {
        #expect(try #require(ConfigFixtures.ha("logfacility none").value).logging.facility == "none")
    }

    @Test func udpport() throws {
        #expect(try #require(ConfigFixtures.ha("udpport 7694").value).udpPort == 7694)
        #expect(ConfigFixtures.ha("udpport 0").errors.map(\.line) == [6])
        #expect(ConfigFixtures.ha("udpport 65536").errors.map(\.line) == [6])
    }
}
