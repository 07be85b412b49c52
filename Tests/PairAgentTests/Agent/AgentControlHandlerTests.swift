import PairCore
import Synchronization
import Testing

@testable import PairAgent

/// The agent's control handler behind a real control socket, with a fake node: every operator command reaches the
/// node as the `OperatorRequest` the client meant, and the node's refusal comes back as `ok` false with its reason.
@Suite struct AgentControlHandlerTests {
    /// A node that records what it is asked and refuses with `refusal` when set.
    final class FakeNode: NodeControl {
        let refusal: String?
        let received = Mutex<[OperatorRequest]>([])

        init(refusal: String? = nil) {
            self.refusal = refusal
        }

        func status() async -> NodeStatus {
            NodeStatusCodableTests.withGroups
        }

        func request(_ request: OperatorRequest) async -> OperatorReply {
            received.withLock { $0.append(request) }
            return refusal.map(OperatorReply.refused) ?? .accepted
        }
    }

    static let operatorRequests: [OperatorRequest] = [
        .standby, .takeover(force: false), .takeover(force: true), .maintenance(on: true), .maintenance(on: false),
        .unblock,
    ]

    let sockets = ControlSocketServiceTests()

    @Test func everyOperatorCommandReachesTheNodeAsSentAndIsAccepted() async throws {
        let node = FakeNode()
        let path = sockets.socketPath()
        try await sockets.withControlSocket(at: path, handler: AgentControlHandler(node: node)) {
            for request in Self.operatorRequests {
                let response = try await ControlClient(path: path).send(.operatorCommand(request))
                #expect(response == ControlResponse(ok: true), "\(request)")
            }
        }
        #expect(node.received.withLock { $0 } == Self.operatorRequests)
    }

    @Test func aRefusalComesBackAsNotOkWithTheNodesReason() async throws {
        let node = FakeNode(refusal: "the peer is not up, so it cannot take the groups")
        let path = sockets.socketPath()
        try await sockets.withControlSocket(at: path, handler: AgentControlHandler(node: node)) {
            for request in Self.operatorRequests {
                let response = try await ControlClient(path: path).send(.operatorCommand(request))
                #expect(!response.ok)
                #expect(response.error == "the peer is not up, so it cannot take the groups")
                #expect(response.status == nil)
            }
        }
        #expect(node.received.withLock { $0 }.count == Self.operatorRequests.count)
    }

    @Test func statusIsTheNodesViewAndAsksNoCommand() async throws {
        let node = FakeNode(refusal: "never asked")
        let path = sockets.socketPath()
        try await sockets.withControlSocket(at: path, handler: AgentControlHandler(node: node)) {
            let response = try await ControlClient(path: path).send(.status)
            #expect(response == ControlResponse(ok: true, status: NodeStatusCodableTests.withGroups))
        }
        #expect(node.received.withLock { $0 }.isEmpty)
    }
}
