import Testing

@testable import PairCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct PairConfigurationLoadingTests {
    private let keys = "auth 1\n1 sha256 \(ConfigFixtures.key)\n"

    private func load(
        ha: String, resources: String, keys: String, host: HostFacts = ConfigFixtures.host()
    )
        -> ConfigParseResult<PairConfiguration>
    {
        PairConfiguration.load(
            haCF: ConfigFile(path: "/etc/pgpair/ha.cf", text: ha),
            haresources: ConfigFile(path: "/etc/pgpair/haresources", text: resources),
            authkeys: ConfigFile(path: "/etc/pgpair/authkeys", text: keys), host: host)
    }

    @Test func goodFilesLoad() throws {
        let result = load(ha: ConfigFixtures.minimalHA, resources: "castor 10.0.0.100 pgsql", keys: keys)
        #expect(result.diagnostics.isEmpty)
        let configuration = try #require(result.value)
        #expect(configuration.ha.localNode == "castor")
        #expect(configuration.resources.postgresGroup?.name == "10.0.0.100")
        #expect(configuration.authKeys.signingKeyID == 1)
    }

    @Test func problemsOfAllThreeFilesAreReportedTogetherInFileOrder() {
        let ha = ConfigFixtures.minimalHA + "\nkeepalive soon\nwatchdog /dev/watchdog"
        let result = load(ha: ha, resources: "castor 10.0.0.100 pgsql\nhelene 10.0.0.101", keys: "auth 3\n")
        #expect(result.value == nil)
        #expect(
            result.diagnostics.map { "\($0.file):\($0.line.map(String.init) ?? "-") \($0.severity)" } == [
                "/etc/pgpair/ha.cf:6 error", "/etc/pgpair/ha.cf:7 warning", "/etc/pgpair/haresources:2 error",
                "/etc/pgpair/authkeys:1 error",
            ])
    }

    @Test func haresourcesIsCheckedAgainstABrokenHaCf() {
        // ha.cf has an error, but its nodes and pgdata still serve to check haresources.
        let result = load(
            ha: ConfigFixtures.minimalHA + "\nkeepalive 0", resources: "helene 10.0.0.100 pgsql", keys: keys)
        #expect(result.diagnostics.map(\.file) == ["/etc/pgpair/ha.cf", "/etc/pgpair/haresources"])
        #expect(result.diagnostics[1].message.hasPrefix("`helene` is not a node"))
    }

    @Test func pgdataComesFromHaCf() {
        let ha = "node castor\nnode pollux\nucast eth1 10.0.0.2\nserial /dev/ttyS0"
        let result = load(ha: ha, resources: "castor 10.0.0.100 pgsql", keys: keys)
        #expect(
            result.errors.map(\.rendered) == [
                "/etc/pgpair/haresources:1: `pgsql` needs a data directory: set `pgdata` in ha.cf, or write "
                    + "`pgsql::/var/lib/postgresql/16/main`"
            ])
    }

    @Test func warningsAloneKeepTheValue() {
        let result = load(
            ha: ConfigFixtures.minimalHA + "\nrealtime on", resources: "castor pgsql", keys: "auth 1\n1 crc")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning", "1 warning", "2 warning"])
        #expect(result.value != nil)
    }

    // MARK: - the sample files in etc/pgpair

    private static let sampleDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/etc/pgpair"
    }()

    static func readSample(_ name: String) -> String? {
        let path = sampleDirectory + "/" + name
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let samplePeers = ["castor": "192.168.100.1", "pollux": "192.168.100.2"]

    private func loadSample(node: String) throws -> ConfigParseResult<PairConfiguration> {
        let ha = try #require(Self.readSample("ha.cf"))
        let resources = try #require(Self.readSample("haresources"))
        let keys = try #require(Self.readSample("authkeys"))
        let address = try #require(Self.samplePeers[node].flatMap { IPv4Address($0) })
        let host = ConfigFixtures.host(node: node, addresses: [address, IPv4Address("10.0.0.10")!])
        return PairConfiguration.load(
            haCF: ConfigFile(path: "etc/pgpair/ha.cf", text: ha),
            haresources: ConfigFile(path: "etc/pgpair/haresources", text: resources),
            authkeys: ConfigFile(path: "etc/pgpair/authkeys", text: keys), host: host)
    }

    @Test(arguments: ["castor", "pollux"])
    func sampleFilesParseWithoutDiagnostics(node: String) throws {
        let result = try loadSample(node: node)
        for diagnostic in result.diagnostics {
            Issue.record("\(diagnostic.rendered)")
        }
    }

    @Test(arguments: ["castor", "pollux"])
    func sampleFilesDescribeThePair(node: String) throws {
        let result = try loadSample(node: node)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let configuration = try #require(result.value)
        let peer = node == "castor" ? "pollux" : "castor"
        #expect(configuration.ha.nodes == ["castor", "pollux"])
        #expect(configuration.ha.localNode == node && configuration.ha.peerNode == peer)
        let peerAddress = try #require(Self.samplePeers[peer])
        #expect(configuration.ha.media.map(\.written) == ["ucast hb0 \(peerAddress)", "serial /dev/ttyS0"])
        #expect(configuration.ha.ignoredMedia.map(\.written) == ["ucast hb0 \(Self.samplePeers[node] ?? "")"])
        #expect(configuration.ha.sync.method == .rsync)
        #expect(configuration.ha.sync.rsyncTarget?.written == "\(peer)::pgpair-staging")
        let group = try #require(configuration.resources.postgresGroup)
        #expect(group.homeNode == "castor")
        #expect(group.resources.map(\.written) == ["10.0.0.100", "pgsql"])
        #expect(configuration.authKeys.signingKey?.method == .sha256)
    }
}
