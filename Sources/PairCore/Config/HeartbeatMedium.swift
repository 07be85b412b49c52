/// One heartbeat link: a UDP broadcast, multicast or unicast path, or a serial line.
///
/// A `bcast` or `serial` line naming several interfaces or devices gives one medium each, as in heartbeat.
public struct HeartbeatMedium: Sendable, Equatable {
    /// The kind of link and its parameters.
    public enum Kind: Sendable, Equatable {
        /// `bcast IF`: UDP broadcast on an interface, to `udpport`.
        case broadcast(interface: String)
        /// `mcast IF GROUP PORT TTL LOOP`: UDP multicast on an interface.
        case multicast(interface: String, group: IPv4Address, port: UInt16, ttl: UInt8, loop: Bool)
        /// `ucast IF PEER-IP`: UDP unicast to the peer's address, to `udpport`.
        case unicast(interface: String, peer: IPv4Address)
        /// `serial DEV`: a serial line at `baud`.
        case serial(device: String)
    }

    /// The kind of link.
    public var kind: Kind
    /// The ha.cf line it was declared on.
    public var line: Int
    /// The medium as written, e.g. `ucast hb0 10.0.0.2` or `serial /dev/ttyS0`; `status` shows it under this name.
    public var written: String

    /// Creates a medium.
    public init(kind: Kind, line: Int, written: String) {
        self.kind = kind
        self.line = line
        self.written = written
    }

    /// True for the media that send to `udpport` (bcast and ucast).
    public var usesUDPPort: Bool {
        switch kind {
        case .broadcast, .unicast: return true
        case .multicast, .serial: return false
        }
    }

    /// True for a serial line.
    public var isSerial: Bool {
        if case .serial = kind { return true }
        return false
    }
}
