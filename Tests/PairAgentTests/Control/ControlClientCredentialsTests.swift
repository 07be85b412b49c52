import Testing

@testable import PairAgent

@Suite struct ControlClientCredentialsTests {
    static let status = ControlRequest(command: .status)
    static let agentUser: UInt32 = 0
    static let monitoring: UInt32 = 1200

    @Test(
        arguments: [
            // (user, primary group, supplementary groups, status group configured, allowed)
            (UInt32(0), UInt32(0), [UInt32](), true, true),
            (1000, 1000, [], true, false),
            (1000, 1200, [], true, true),
            (1000, 1000, [1200], true, true),
            (1000, 1200, [], false, false),
        ] as [(UInt32, UInt32, [UInt32], Bool, Bool)])
    func statusIsForRootAndTheStatusGroup(
        user: UInt32, group: UInt32, supplementary: [UInt32], groupConfigured: Bool, allowed: Bool
    ) {
        let credentials = ControlClientCredentials(processID: 42, userID: user, groupID: group)
        let decision = credentials.mayIssue(
            Self.status, agentUserID: Self.agentUser, statusGroupID: groupConfigured ? Self.monitoring : nil,
            supplementaryGroups: supplementary)
        #expect(decision == allowed)
    }

    @Test func theAgentsOwnUserMayAskToo() {
        let credentials = ControlClientCredentials(processID: 42, userID: 500, groupID: 500)
        #expect(credentials.mayIssue(Self.status, agentUserID: 500, statusGroupID: nil, supplementaryGroups: []))
    }
}
