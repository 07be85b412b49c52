import Testing

@testable import PairCore

@Suite struct ResourceGroupTests {
    private let address = Resource(
        kind: .serviceAddress(ServiceAddress(address: IPv4Address("10.0.0.100")!)), written: "10.0.0.100", line: 1)
    private let postgres = Resource(kind: .postgres(dataDirectory: "/srv/pg"), written: "pgsql", line: 1)

    @Test func nameIsTheFirstResourceAsWritten() {
        let group = ResourceGroup(homeNode: "castor", resources: [address, postgres], line: 1)
        #expect(group.name == "10.0.0.100")
        #expect(group.holdsPostgres)
        #expect(group.stopOrder == [postgres, address])
    }

    @Test func groupWithoutPostgres() {
        let group = ResourceGroup(homeNode: "castor", resources: [address], line: 1)
        #expect(!group.holdsPostgres)
        #expect(HAResources(groups: [group]).postgresGroup == nil)
    }

    @Test func postgresGroupIsFound() {
        let other = ResourceGroup(homeNode: "pollux", resources: [address], line: 1)
        let database = ResourceGroup(homeNode: "castor", resources: [postgres], line: 2)
        #expect(HAResources(groups: [other, database]).postgresGroup == database)
    }
}
