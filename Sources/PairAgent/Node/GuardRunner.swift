import PairCore

/// Runs the state machine's guards (`startGuard`) until told to stop.
public protocol GuardRunner: Sendable {
    /// Runs `guard` until the calling task is cancelled, reporting every answer with the instant its evidence was
    /// gathered (the state machine ignores evidence from before the peer fell silent).
    func run(_ guard: NodeGuard, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void) async
}
