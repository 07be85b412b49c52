/// Carries out control-socket requests; the agent implements it, tests use a fake.
public protocol ControlRequestHandler: Sendable {
    /// Answers `request`, which has already passed the permission check.
    func handle(_ request: ControlRequest) async -> ControlResponse
}
