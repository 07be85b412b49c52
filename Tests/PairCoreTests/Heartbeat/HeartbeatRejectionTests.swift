import Testing

@testable import PairCore

@Suite struct HeartbeatRejectionTests {
    @Test func kindsAreTheStatusCounters() {
        #expect(HeartbeatRejection.Kind.allCases.map(\.rawValue) == ["auth", "replay", "malformed"])
    }

    @Test func describesKindAndReason() {
        #expect(HeartbeatRejection.auth("x") == HeartbeatRejection(kind: .auth, reason: "x"))
        #expect(HeartbeatRejection.replay("y").kind == .replay)
        #expect(HeartbeatRejection.malformed("missing field `gen`").description == "malformed: missing field `gen`")
    }
}
