import Testing

@testable import PairCore

@Suite struct NodeRoleTests {
    @Test func rolesAreWrittenAsStatusShowsThem() {
        #expect(
            NodeRole.allCases.map(\.rawValue) == [
                "standby", "starting", "active", "stopping", "blocked", "maintenance",
            ])
    }
}
