import PairNet

/// Whether the heartbeat can use any medium: checked at every keepalive from the transports' counters. A medium is
/// usable when it is open and took at least one message since the previous check. All media unusable at two checks
/// in a row (one keepalive can be a blip) is a loss; one usable medium is a recovery at once.
struct MediaUsability {
    /// Checks in a row with no usable medium before the loss counts.
    static let lossAfterChecks = 2

    private var previousSent: [Int]?
    private var unusableChecks = 0
    private(set) var usable = true

    /// Takes the counters at a keepalive; returns the new state when it changed.
    mutating func sent(_ counters: [TransportCounters]) -> Bool? {
        defer { previousSent = counters.map(\.framesSent) }
        guard let previousSent, previousSent.count == counters.count, !counters.isEmpty else { return nil }
        let anyUsable = zip(counters, previousSent).contains { current, before in
            current.isOpen && current.framesSent > before
        }
        if anyUsable {
            unusableChecks = 0
            guard !usable else { return nil }
            usable = true
            return true
        }
        unusableChecks += 1
        guard usable, unusableChecks >= Self.lossAfterChecks else { return nil }
        usable = false
        return false
    }
}
