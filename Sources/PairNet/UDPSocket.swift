import Glibc
import PairCore

/// The C calls behind a UDP medium: a socket configured and bound before SwiftNIO takes it over, and `sendto`.
/// None of them blocks: the socket is non-blocking and SO_BINDTODEVICE, bind and the multicast options return at
/// once.
enum UDPSocket {
    /// A non-blocking UDP socket bound to the endpoint's interface and port: SO_REUSEADDR and SO_REUSEPORT so that
    /// several media (and both ends of a test) can share the port, SO_BINDTODEVICE, SO_BROADCAST for `bcast`;
    /// for `mcast` IP_MULTICAST_IF, TTL and loop, and the group joined on the interface. IP_MULTICAST_ALL is off,
    /// so a socket receives only the groups it joined itself.
    static func open(_ endpoint: UDPEndpoint, interfaceIndex: CInt) throws(PairNetError) -> CInt {
        let descriptor = socket(AF_INET, CInt(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw PairNetError(.socketFailed, "cannot create a UDP socket: \(SystemError.current); check ulimit -n")
        }
        do throws(PairNetError) {
            try configure(descriptor, for: endpoint, interfaceIndex: interfaceIndex)
            var address = socketAddress(endpoint.localAddress ?? IPv4Address(value: 0), port: endpoint.port)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                throw PairNetError(
                    .socketFailed,
                    "cannot bind UDP port \(endpoint.port) on \(endpoint.interface): \(SystemError.current); "
                        + "another program may hold the port without SO_REUSEPORT (see `ss -ulpn`)")
            }
            return descriptor
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Sends one datagram without waiting; nil on success, else the errno.
    static func send(_ bytes: [UInt8], to destination: IPv4Address, port: UInt16, on descriptor: CInt) -> CInt? {
        var address = socketAddress(destination, port: port)
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(
                        descriptor, buffer.baseAddress, buffer.count, CInt(MSG_DONTWAIT), $0,
                        socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        return sent < 0 ? errno : nil
    }

    private static func configure(
        _ descriptor: CInt, for endpoint: UDPEndpoint, interfaceIndex: CInt
    ) throws(PairNetError) {
        try set(descriptor, SOL_SOCKET, SO_REUSEADDR, CInt(1), "SO_REUSEADDR")
        try set(descriptor, SOL_SOCKET, SO_REUSEPORT, CInt(1), "SO_REUSEPORT")
        try bindToDevice(descriptor, endpoint.interface)
        try set(descriptor, CInt(IPPROTO_IP), IP_MULTICAST_ALL, CInt(0), "IP_MULTICAST_ALL")
        switch endpoint.destination {
        case .peer:
            break
        case .interfaceBroadcast:
            try set(descriptor, SOL_SOCKET, SO_BROADCAST, CInt(1), "SO_BROADCAST")
        case .group(let group, let ttl, let loop):
            let onInterface = ip_mreqn(
                imr_multiaddr: in_addr(s_addr: group.value.bigEndian), imr_address: in_addr(s_addr: 0),
                imr_ifindex: interfaceIndex)
            try set(descriptor, CInt(IPPROTO_IP), IP_MULTICAST_IF, onInterface, "IP_MULTICAST_IF")
            try set(descriptor, CInt(IPPROTO_IP), IP_MULTICAST_TTL, CInt(ttl), "IP_MULTICAST_TTL")
            try set(descriptor, CInt(IPPROTO_IP), IP_MULTICAST_LOOP, CInt(loop ? 1 : 0), "IP_MULTICAST_LOOP")
            do {
                try set(descriptor, CInt(IPPROTO_IP), IP_ADD_MEMBERSHIP, onInterface, "IP_ADD_MEMBERSHIP")
            } catch {
                throw PairNetError(
                    .multicastJoinFailed,
                    "cannot join \(group) on \(endpoint.interface): \(error.message); check that the interface "
                        + "is up and has MULTICAST set (`ip link show \(endpoint.interface)`)")
            }
        }
    }

    private static func bindToDevice(_ descriptor: CInt, _ interface: String) throws(PairNetError) {
        let result = interface.withCString { name in
            setsockopt(descriptor, SOL_SOCKET, SO_BINDTODEVICE, name, socklen_t(strlen(name) + 1))
        }
        guard result == 0 else {
            let code = errno
            throw PairNetError(
                code == ENODEV ? .interfaceMissing : .socketFailed,
                "cannot bind a UDP socket to interface \(interface): \(SystemError.describe(code)); "
                    + "check the interface name in ha.cf (`ip link`)")
        }
    }

    private static func set<Value: BitwiseCopyable>(
        _ descriptor: CInt, _ level: CInt, _ name: CInt, _ value: Value, _ label: String
    ) throws(PairNetError) {
        let result = withUnsafeBytes(of: value) {
            setsockopt(descriptor, level, name, $0.baseAddress, socklen_t($0.count))
        }
        guard result == 0 else {
            throw PairNetError(.socketFailed, "setsockopt \(label) failed: \(SystemError.current)")
        }
    }

    private static func socketAddress(_ address: IPv4Address, port: UInt16) -> sockaddr_in {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr = in_addr(s_addr: address.value.bigEndian)
        return socketAddress
    }
}
