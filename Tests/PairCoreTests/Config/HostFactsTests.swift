import Testing

@testable import PairCore

@Suite struct HostFactsTests {
    @Test func nodeNameIsComparedInLowerCase() {
        let host = HostFacts(
            nodeName: "Castor", localAddresses: nil, configDirectory: "/etc/pgpair", scriptLocator: FakeScriptLocator())
        #expect(host.normalizedNodeName == "castor")
        #expect(host.nodeName == "Castor")
    }

    @Test func scriptLocatorIsAsked() {
        let host = ConfigFixtures.host()
        #expect(host.scriptLocator.status(ofScriptAt: "/etc/init.d/apache2") == .executable)
        #expect(host.scriptLocator.status(ofScriptAt: "/etc/init.d/none") == .missing)
    }
}
