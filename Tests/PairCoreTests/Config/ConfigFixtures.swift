@testable import PairCore

/// A script locator that answers from a fixed table; every other path is missing.
struct FakeScriptLocator: ResourceScriptLocator {
    var scripts: [String: ResourceScriptStatus]

    init(_ scripts: [String: ResourceScriptStatus] = [:]) {
        self.scripts = scripts
    }

    func status(ofScriptAt path: String) -> ResourceScriptStatus {
        scripts[path] ?? .missing
    }
}

/// Shared inputs for the configuration tests.
enum ConfigFixtures {
    /// castor, with 10.0.0.1 on its heartbeat link; /etc/pgpair/resource.d/drbd and /etc/init.d/apache2 exist.
    static func host(
        node: String = "castor",
        addresses: Set<IPv4Address>? = [IPv4Address("10.0.0.1")!],
        scripts: [String: ResourceScriptStatus] = [
            "/etc/pgpair/resource.d/drbd": .executable,
            "/etc/init.d/apache2": .executable,
            "/etc/init.d/postgresql": .executable,
        ]
    ) -> HostFacts {
        HostFacts(
            nodeName: node, localAddresses: addresses, configDirectory: "/etc/pgpair",
            scriptLocator: FakeScriptLocator(scripts))
    }

    /// A complete ha.cf that parses without any diagnostic.
    static let minimalHA = """
        node castor
        node pollux
        ucast eth1 10.0.0.2
        serial /dev/ttyS0
        pgdata /var/lib/postgresql/16/main
        """

    /// Parses `minimalHA` followed by `extra` lines (which start on line 6).
    static func ha(_ extra: String = "", host: HostFacts = host()) -> ConfigParseResult<HAConfiguration> {
        HAConfiguration.parse(ConfigFile(path: "ha.cf", text: minimalHA + "\n" + extra), host: host)
    }

    /// Parses a whole ha.cf text.
    static func haText(_ text: String, host: HostFacts = host()) -> ConfigParseResult<HAConfiguration> {
        HAConfiguration.parse(ConfigFile(path: "ha.cf", text: text), host: host)
    }

    /// Parses haresources against castor and pollux, with `pgdata` from ha.cf unless told otherwise.
    static func resources(
        _ text: String, pgdata: String? = "/var/lib/postgresql/16/main", host: HostFacts = host()
    ) -> ConfigParseResult<HAResources> {
        HAResources.parse(
            ConfigFile(path: "haresources", text: text), nodes: ["castor", "pollux"], defaultDataDirectory: pgdata,
            host: host)
    }

    /// Parses authkeys.
    static func keys(_ text: String) -> ConfigParseResult<AuthKeys> {
        AuthKeys.parse(ConfigFile(path: "authkeys", text: text))
    }

    /// A long enough key for tests (never a real one).
    static let key = "0123456789abcdef0123456789abcdef"

    /// Where each diagnostic is and how serious, e.g. `6 error`, `- warning` for a file-level one.
    static func places(_ diagnostics: [ConfigDiagnostic]) -> [String] {
        diagnostics.map { "\($0.line.map(String.init) ?? "-") \($0.severity.rawValue)" }
    }
}
