import PairCore

/// What a UDP medium binds to and where it sends, derived from its ha.cf line.
struct UDPEndpoint: Sendable, Equatable {
    /// Where a medium's messages go.
    enum Destination: Sendable, Equatable {
        /// `ucast`: the peer's address.
        case peer(IPv4Address)
        /// `bcast`: the interface's broadcast address (255.255.255.255 while it has none).
        case interfaceBroadcast
        /// `mcast`: the group, joined on the interface.
        case group(IPv4Address, ttl: UInt8, loop: Bool)
    }

    /// The interface the socket is bound to (SO_BINDTODEVICE).
    var interface: String
    /// The port it binds to and sends to.
    var port: UInt16
    var destination: Destination
    /// The address to bind to; nil for the wildcard, which every medium uses. Tests bind a peer to one address.
    var localAddress: IPv4Address?

    init(interface: String, port: UInt16, destination: Destination, localAddress: IPv4Address? = nil) {
        self.interface = interface
        self.port = port
        self.destination = destination
        self.localAddress = localAddress
    }

    /// The endpoint of a `ucast`, `bcast` or `mcast` medium.
    init(_ medium: HeartbeatMedium, udpPort: UInt16) {
        switch medium.kind {
        case .unicast(let interface, let peer):
            self.init(interface: interface, port: udpPort, destination: .peer(peer))
        case .broadcast(let interface):
            self.init(interface: interface, port: udpPort, destination: .interfaceBroadcast)
        case .multicast(let interface, let group, let port, let ttl, let loop):
            self.init(interface: interface, port: port, destination: .group(group, ttl: ttl, loop: loop))
        case .serial:
            preconditionFailure("a serial medium has no UDP endpoint")
        }
    }

    /// The multicast group, for `mcast`.
    var group: IPv4Address? {
        if case .group(let group, _, _) = destination { return group }
        return nil
    }
}
