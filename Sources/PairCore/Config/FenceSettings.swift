/// Fencing: `fence`, `fence_timeout`, `fence_delay`.
public struct FenceSettings: Sendable, Equatable {
    /// The fence method, or nil when no fencing is configured.
    public var method: FenceMethod?
    /// `fence_timeout`: how long one fence attempt may take before it counts as failed.
    public var timeout: Duration
    /// `fence_delay`: how long the node that did not hold the group waits before fencing, when both try at once.
    public var delay: Duration

    /// The default `fence_timeout`, 30 s.
    public static let defaultTimeout = Duration.seconds(30)
    /// The default `fence_delay`, 15 s: longer than a typical IPMI or PDU power-off takes.
    public static let defaultDelay = Duration.seconds(15)

    /// Creates fence settings.
    public init(method: FenceMethod? = nil, timeout: Duration = defaultTimeout, delay: Duration = defaultDelay) {
        self.method = method
        self.timeout = timeout
        self.delay = delay
    }
}
