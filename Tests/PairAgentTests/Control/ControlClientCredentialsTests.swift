import Testing

@testable import PairAgent

@Suite struct ControlClientCredentialsTests {
    static let status = ControlRequest.status
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

    static let operatorCommands: [ControlRequest] = [
        .operatorCommand(.standby), .operatorCommand(.takeover(force: true)),
        .operatorCommand(.maintenance(on: true)), .operatorCommand(.unblock),
    ]

    @Test(arguments: operatorCommands)
    func operatorCommandsAreForRootAndTheAgentsUserOnlyNotTheStatusGroup(request: ControlRequest) {
        let member = ControlClientCredentials(processID: 42, userID: 1000, groupID: Self.monitoring)
        #expect(
            !member.mayIssue(
                request, agentUserID: Self.agentUser, statusGroupID: Self.monitoring, supplementaryGroups: []))
        let root = ControlClientCredentials(processID: 42, userID: 0, groupID: 0)
        #expect(root.mayIssue(request, agentUserID: 500, statusGroupID: Self.monitoring, supplementaryGroups: []))
        let agentUser = ControlClientCredentials(processID: 42, userID: 500, groupID: 500)
        #expect(agentUser.mayIssue(request, agentUserID: 500, statusGroupID: nil, supplementaryGroups: []))
    }
}
