/// Why the state machine wants the clock to tick: the agent calls `clockTicked(at:)` once the delay has passed.
public enum NodeTimer: Sendable, Hashable {
    /// The end of the startup window (`initdead` after the agent started).
    case initdead
    /// The next check of a held group (`monitor_interval`).
    case monitor(group: String)
    /// The end of `fence_delay` before this node fences the peer.
    case fenceDelay
    /// The next attempt after a failed fence.
    case fenceRetry
    /// This node has reached no ping target for `pingLossGrace`: time to hand its groups over if the peer still
    /// reaches one.
    case pingLoss
}
