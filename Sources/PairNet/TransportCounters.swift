/// What one transport has done since it was opened, for `status` and debugging. A snapshot; counts only grow.
public struct TransportCounters: Sendable, Equatable {
    /// Whether the medium is open now: the socket is bound, or the serial device is open.
    public var isOpen = false
    /// How many times the medium was opened (1 after a clean start; more after outages).
    public var opens = 0
    /// How many attempts to open the medium failed (interface or device missing, bind refused, …).
    public var failedOpens = 0
    /// How many times an open medium was lost (interface gone, serial device hung up or failed).
    public var losses = 0
    /// Messages handed to the kernel (UDP) or written to the line (serial).
    public var framesSent = 0
    /// Sends the kernel or the line refused (e.g. the interface is down, the line's buffer is full).
    public var sendFailures = 0
    /// Sends not attempted because the medium was not open.
    public var sendsDropped = 0
    /// Datagrams (UDP) or chunks (serial) delivered to the agent.
    public var framesReceived = 0
    /// Bytes delivered to the agent.
    public var bytesReceived = 0
    /// Datagrams received but not delivered: larger than `HeartbeatMedia.maximumDatagramSize`, or (multicast) not
    /// addressed to the medium's group.
    public var receivesDropped = 0

    /// Creates counters, all zero.
    public init() {}
}
