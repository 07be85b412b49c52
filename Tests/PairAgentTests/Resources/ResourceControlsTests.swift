import Logging
import PairCore
import Testing

@testable import PairAgent

@Suite("ResourceControls")
struct ResourceControlsTests {
    private let controls = ResourceControls.system(
        for: HAConfiguration(nodes: ["castor", "pollux"], localNode: "castor", peerNode: "pollux", media: []),
        arpRepeats: .beforeReturning, logger: Logger(label: "test"))

    @Test("each kind of resource becomes its resource, named as written, in the group's start order")
    func mapping() throws {
        let address = ServiceAddress(address: try #require(IPv4Address("10.0.0.100")), prefixLength: 24)
        let group = ResourceGroup(
            homeNode: "castor",
            resources: [
                Resource(kind: .serviceAddress(address), written: "10.0.0.100/24", line: 1),
                Resource(kind: .postgres(dataDirectory: "/srv/pg"), written: "pgsql::/srv/pg", line: 1),
                Resource(
                    kind: .script(name: "mail", path: "/etc/init.d/mail", arguments: ["a", "b"]),
                    written: "mail::a::b", line: 1),
            ], line: 1)
        let runner = controls.runner(for: group)
        #expect(runner.name == "10.0.0.100/24")
        #expect(runner.resources.map(\.name) == ["10.0.0.100/24", "pgsql::/srv/pg", "mail::a::b"])
        #expect((runner.resources[0] as? AddressResource)?.serviceAddress == address)
        #expect((runner.resources[1] as? PostgresResource)?.dataDirectory == "/srv/pg")
        let script = try #require(runner.resources[2] as? ScriptResource)
        #expect(script.path == "/etc/init.d/mail")
        #expect(script.arguments == ["a", "b"])
    }

    @Test("without pg_conninfo pgpair connects on the default socket, at pg_port, as pg_user")
    func defaultConninfo() {
        #expect(
            ResourceControls.defaultConninfo(PostgresSettings(port: 5433, user: "pg"))
                == "port=5433 dbname=postgres user='pg'")
    }
}
