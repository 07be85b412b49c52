import PairCore

/// One heartbeat link as `status` shows it.
public struct LinkStatus: Sendable, Equatable {
    /// The ha.cf line as written, e.g. `ucast hb0 10.0.0.2` or `serial /dev/ttyS0`.
    public var medium: String
    /// `up` while a valid message arrived on this link within deadtime.
    public var state: LinkState
    /// The age of the newest valid message on this link, in milliseconds; nil when never heard.
    public var lastHeardMilliseconds: Int64?

    /// Creates a link status.
    public init(medium: String, state: LinkState, lastHeardMilliseconds: Int64?) {
        self.medium = medium
        self.state = state
        self.lastHeardMilliseconds = lastHeardMilliseconds
    }
}
