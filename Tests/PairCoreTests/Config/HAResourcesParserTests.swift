import Testing

@testable import PairCore

@Suite struct HAResourcesParserTests {
    @Test func classicLine() throws {
        let result = ConfigFixtures.resources("castor 10.0.0.100 pgsql")
        #expect(result.diagnostics.isEmpty)
        let group = try #require(result.value?.groups.first)
        #expect(group.homeNode == "castor")
        #expect(group.name == "10.0.0.100")
        #expect(group.line == 1)
        #expect(group.resources.map(\.written) == ["10.0.0.100", "pgsql"])
        #expect(group.resources[0].kind == .serviceAddress(ServiceAddress(address: IPv4Address("10.0.0.100")!)))
        #expect(group.resources[1].kind == .postgres(dataDirectory: "/var/lib/postgresql/16/main"))
    }

    @Test func severalGroupsCommentsAndContinuations() throws {
        let text = """
            # database
            castor IPaddr::10.0.0.100/24/eth0 \\
                   pgsql::/srv/pg   # the cluster
            pollux 10.0.0.101 \\
                # the web tier
                apache2
            """
        let result = ConfigFixtures.resources(text)
        #expect(result.diagnostics.isEmpty)
        let groups = try #require(result.value).groups
        #expect(groups.map(\.name) == ["IPaddr::10.0.0.100/24/eth0", "10.0.0.101"])
        #expect(groups.map(\.line) == [2, 4])
        #expect(groups[0].resources.map(\.line) == [2, 3])
        #expect(groups[0].resources[1].kind == .postgres(dataDirectory: "/srv/pg"))
        #expect(groups[1].resources.map(\.line) == [4, 6])
        #expect(groups.map(\.holdsPostgres) == [true, false])
    }

    @Test func homeNodeMustBeOneOfTheNodes() {
        let result = ConfigFixtures.resources("helene 10.0.0.100 pgsql")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "haresources:1: `helene` is not a node; a group starts with its home node, castor or pollux, e.g. "
                    + "`castor 10.0.0.100 pgsql`"
            ])
    }

    @Test func forgottenHomeNode() {
        let result = ConfigFixtures.resources("10.0.0.100 pgsql")
        #expect(result.errors.first?.message.hasPrefix("a group starts with its home node, castor or pollux") == true)
    }

    @Test func homeNodeIsNotCheckedWithoutTwoNodes() {
        let result = HAResources.parse(
            ConfigFile(path: "haresources", text: "helene 10.0.0.100"), nodes: ["castor"], defaultDataDirectory: nil,
            host: ConfigFixtures.host())
        #expect(result.diagnostics.isEmpty)
    }

    @Test func homeNodeIsCaseInsensitive() throws {
        #expect(try #require(ConfigFixtures.resources("CASTOR 10.0.0.100").value).groups[0].homeNode == "castor")
    }

    @Test func groupNeedsResources() {
        #expect(
            ConfigFixtures.resources("castor").errors.map(\.rendered) == [
                "haresources:1: the group of castor has no resources; write them after the node, e.g. "
                    + "`castor 10.0.0.100 pgsql`"
            ])
    }

    @Test func emptyFileIsAnError() {
        #expect(
            ConfigFixtures.resources("# nothing\n").errors.map(\.rendered) == [
                "haresources: haresources declares no group; write one line per group, e.g. `castor 10.0.0.100 pgsql`"
            ])
    }

    @Test func firstResourcesMustDiffer() {
        let result = ConfigFixtures.resources("castor 10.0.0.100 pgsql\npollux 10.0.0.100 apache2")
        #expect(
            result.errors.map(\.rendered) == [
                "haresources:2: the group on line 1 already starts with `10.0.0.100`; a group is named by its first "
                    + "resource, so each group must start with a different one"
            ])
    }

    @Test func theSameAddressMayNotAppearTwice() {
        let result = ConfigFixtures.resources("castor 10.0.0.100 pgsql\npollux drbd IPaddr::10.0.0.100/24")
        #expect(
            result.errors.map(\.rendered) == [
                "haresources:2: `IPaddr::10.0.0.100/24` is already used on line 1; a resource may appear only once"
            ])
    }

    @Test func atMostOneGroupHoldsPostgres() {
        let result = ConfigFixtures.resources("castor 10.0.0.100 pgsql\npollux 10.0.0.101 pgsql::/srv/other")
        #expect(
            result.errors.map(\.rendered) == [
                "haresources:2: the group on line 1 already holds `pgsql`; only one group may hold PostgreSQL"
            ])
    }

    @Test func postgresOnceInAGroup() {
        #expect(ConfigFixtures.resources("castor 10.0.0.100 pgsql pgsql").errors.map(\.line) == [1])
    }

    @Test func postgresWithoutAServiceAddressIsAWarning() {
        let result = ConfigFixtures.resources("castor pgsql")
        #expect(ConfigFixtures.places(result.diagnostics) == ["1 warning"])
        #expect(result.value != nil)
    }

    @Test func danglingContinuationIsAnError() {
        let result = ConfigFixtures.resources("castor 10.0.0.100 pgsql \\\n")
        #expect(
            result.errors.map(\.rendered) == [
                "haresources:1: this line ends in `\\` but no line follows; remove the `\\` or continue the group"
            ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = """
            castor 10.0.0.300 pgsql
            helene 10.0.0.101
            pollux IPaddr::10.0.0.102/40 nosuchscript
            """
        let result = ConfigFixtures.resources(text)
        #expect(ConfigFixtures.places(result.diagnostics) == ["1 error", "2 error", "3 error", "3 error"])
        #expect(result.value == nil)
    }

    @Test func startAndStopOrder() throws {
        let group = try #require(ConfigFixtures.resources("castor 10.0.0.100 drbd pgsql apache2").value?.groups[0])
        #expect(group.startOrder.map(\.written) == ["10.0.0.100", "drbd", "pgsql", "apache2"])
        #expect(group.stopOrder.map(\.written) == ["apache2", "pgsql", "drbd", "10.0.0.100"])
    }
}
