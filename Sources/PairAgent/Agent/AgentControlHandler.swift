/// Answers control-socket requests from the running node: `status` with its view, operator commands with the
/// state machine's reply (`ok` false and the reason when refused).
struct AgentControlHandler: ControlRequestHandler {
    let node: any NodeControl

    init(node: any NodeControl) {
        self.node = node
    }

    func handle(_ request: ControlRequest) async -> ControlResponse {
        switch request {
        case .status:
            return ControlResponse(ok: true, status: await node.status())
        case .operatorCommand(let command):
            switch await node.request(command) {
            case .accepted: return ControlResponse(ok: true)
            case .refused(let reason): return .refused(reason)
            }
        }
    }
}
