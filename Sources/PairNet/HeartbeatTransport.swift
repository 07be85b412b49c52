import PairCore

/// One opened heartbeat medium. Thread-safe: `send` may be called from any thread (it hops to the medium's event
/// loop); deliveries arrive on that event loop.
public protocol HeartbeatTransport: AnyObject, Sendable {
    /// The configured medium this transport serves.
    var medium: HeartbeatMedium { get }
    /// Sends one encoded message; never blocks, never throws: a failure is counted and logged (rate-limited).
    func send(_ message: [UInt8])
    /// Stops receiving and closes the descriptor.
    func close() async
    /// What the transport has done so far, and whether it is open now.
    var counters: TransportCounters { get }
}
