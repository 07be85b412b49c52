/// Answers control-socket requests from the agent's services.
struct AgentControlHandler: ControlRequestHandler {
    let heartbeat: HeartbeatService

    func handle(_ request: ControlRequest) async -> ControlResponse {
        switch request.command {
        case .status:
            return ControlResponse(ok: true, status: heartbeat.status())
        }
    }
}
