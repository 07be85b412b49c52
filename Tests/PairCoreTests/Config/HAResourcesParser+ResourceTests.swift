import Testing

@testable import PairCore

@Suite struct HAResourcesParserResourceTests {
    private func resource(_ text: String, pgdata: String? = "/var/lib/postgresql/16/main") -> Resource? {
        ConfigFixtures.resources("castor \(text)", pgdata: pgdata).value?.groups.first?.resources.first
    }

    private func errors(_ text: String, pgdata: String? = "/var/lib/postgresql/16/main") -> [String] {
        ConfigFixtures.resources("castor \(text)", pgdata: pgdata).errors.map(\.message)
    }

    @Test(arguments: ["10.0.0.100/24/eth0", "IPaddr::10.0.0.100/24/eth0", "IPaddr2::10.0.0.100/24/eth0"])
    func serviceAddressForms(text: String) {
        #expect(
            resource(text)?.kind
                == .serviceAddress(
                    ServiceAddress(address: IPv4Address("10.0.0.100")!, prefixLength: 24, interface: "eth0")))
        #expect(resource(text)?.written == text)
        #expect(resource(text)?.isServiceAddress == true)
    }

    @Test(arguments: [
        ("IPaddr::10.0.0.300", "`10.0.0.300` is not an IPv4 address"),
        ("IPaddr::10.0.0.1/33", "prefix length from 1 to 32"),
        ("IPaddr::10.0.0.1/24/eth0/10.0.0.255/x", "too many parts"),
        ("10.0.0.1/24/eth0/10.0.0.999", "broadcast"),
        ("IPaddr", "`IPaddr` takes one argument"),
        ("IPaddr::10.0.0.1::eth0", "`IPaddr` takes one argument"),
        ("10.0.0.1::x", "a bare address takes no `::` arguments"),
        ("IPaddr::", "is malformed"),
        ("::x", "is malformed"),
        ("ipaddr::10.0.0.1", "resource names are case-sensitive: write `IPaddr`"),
        ("PGSQL", "resource names are case-sensitive: write `pgsql`"),
    ])
    func malformedResources(text: String, fragment: String) {
        let found = errors(text)
        #expect(found.count == 1 && found[0].contains(fragment), "\(found)")
    }

    @Test func postgresTakesHaCfPgdata() {
        #expect(resource("pgsql")?.kind == .postgres(dataDirectory: "/var/lib/postgresql/16/main"))
        #expect(resource("pgsql")?.isPostgres == true)
    }

    @Test func postgresArgumentOverridesPgdata() {
        #expect(resource("pgsql::/srv/pg")?.kind == .postgres(dataDirectory: "/srv/pg"))
        #expect(resource("pgsql::/srv/pg", pgdata: nil)?.kind == .postgres(dataDirectory: "/srv/pg"))
    }

    @Test func postgresNeedsADataDirectory() {
        #expect(
            errors("pgsql", pgdata: nil) == [
                "`pgsql` needs a data directory: set `pgdata` in ha.cf, or write `pgsql::/var/lib/postgresql/16/main`"
            ])
    }

    @Test(arguments: ["pgsql::srv/pg", "pgsql::/a::/b"])
    func malformedPostgres(text: String) {
        #expect(errors(text).count == 1)
    }

    @Test func scriptFromTheConfigDirectoryComesFirst() {
        let host = ConfigFixtures.host(scripts: [
            "/etc/pgpair/resource.d/apache2": .executable, "/etc/init.d/apache2": .executable,
        ])
        let found = ConfigFixtures.resources("castor apache2::80::443", host: host).value?.groups[0].resources[0]
        #expect(
            found?.kind == .script(name: "apache2", path: "/etc/pgpair/resource.d/apache2", arguments: ["80", "443"]))
    }

    @Test func scriptFromInitD() {
        #expect(resource("apache2")?.kind == .script(name: "apache2", path: "/etc/init.d/apache2", arguments: []))
    }

    @Test func configDirectoryWithTrailingSlash() {
        let host = HostFacts(
            nodeName: "castor", localAddresses: nil, configDirectory: "/opt/pgpair/",
            scriptLocator: FakeScriptLocator(["/opt/pgpair/resource.d/drbd": .executable]))
        let found = ConfigFixtures.resources("castor drbd", host: host).value?.groups[0].resources[0]
        #expect(found?.kind == .script(name: "drbd", path: "/opt/pgpair/resource.d/drbd", arguments: []))
    }

    @Test func missingScriptSaysWhereItLooked() {
        #expect(
            errors("nosuch") == [
                "resource `nosuch` is not built in (IPaddr, IPaddr2, pgsql) and no script was found at "
                    + "/etc/pgpair/resource.d/nosuch or /etc/init.d/nosuch; install it there (heartbeat kept them in "
                    + "/etc/ha.d/resource.d/)"
            ])
    }

    @Test func scriptThatIsNotExecutable() {
        let host = ConfigFixtures.host(scripts: [
            "/etc/pgpair/resource.d/drbd": .notExecutable, "/etc/init.d/drbd": .executable,
        ])
        #expect(
            ConfigFixtures.resources("castor drbd", host: host).errors.map(\.message) == [
                "the script for resource `drbd`, /etc/pgpair/resource.d/drbd, is not executable: run "
                    + "`chmod 755 /etc/pgpair/resource.d/drbd`"
            ])
    }

    @Test(arguments: ["/usr/local/bin/x", "a/b", ".."])
    func scriptNamesAreNotPaths(text: String) {
        let found = errors(text)
        #expect(found.count == 1 && found[0].contains("must be a script's name, not a path"), "\(found)")
    }

    @Test func postgresqlInitScriptIsAWarningPointingAtPgsql() {
        let result = ConfigFixtures.resources("castor 10.0.0.100 postgresql")
        #expect(ConfigFixtures.places(result.diagnostics) == ["1 warning"])
        #expect(result.diagnostics[0].message.hasSuffix("write `pgsql` instead"))
        #expect(
            result.value?.groups[0].resources[1].kind
                == .script(name: "postgresql", path: "/etc/init.d/postgresql", arguments: []))
        #expect(result.value?.postgresGroup == nil)
    }
}
