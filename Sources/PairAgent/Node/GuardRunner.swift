import PairCore

/// Runs the state machine's guards (`startGuard`) until told to stop.
public protocol GuardRunner: Sendable {
    /// Runs `guard` until the calling task is cancelled, reporting every answer with the instant its evidence was
    /// gathered (the state machine ignores evidence from before the peer fell silent).
    func run(_ guard: NodeGuard, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void) async

    /// True when ping targets are configured: `monitorPing` then runs rounds from the start, and the `ping` guard is
    /// answered from them instead of from rounds of its own.
    var monitorsPing: Bool { get }

    /// Runs ping rounds every keepalive until the task is cancelled, reporting each.
    func monitorPing(report: @escaping @Sendable (PingObservation) -> Void) async
}

extension GuardRunner {
    public var monitorsPing: Bool { false }

    public func monitorPing(report: @escaping @Sendable (PingObservation) -> Void) async {}
}
