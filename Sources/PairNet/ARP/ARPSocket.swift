import Glibc

/// The C calls behind ARP: a non-blocking `AF_PACKET`/`SOCK_DGRAM` socket (the kernel adds and strips the Ethernet
/// header), bound to one interface for receiving ARP, and `sendto` of one packet to the link's broadcast address.
/// None of them blocks.
enum ARPSocket {
    /// `ETH_P_ARP`.
    static let etherType: UInt16 = 0x0806

    /// A packet socket that receives nothing yet (protocol 0): for sending, and for `bind(_:to:)`.
    static func open() throws(ARPError) -> CInt {
        let descriptor = socket(
            AF_PACKET, CInt(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            let code = errno
            throw ARPError(
                .socketFailed,
                "cannot create a packet socket: \(SystemError.describe(code)); "
                    + (code == EPERM ? "ARP needs CAP_NET_RAW (run pgpair as root)" : "check ulimit -n"))
        }
        return descriptor
    }

    /// Makes the socket receive every ARP packet that arrives on the interface. Binding only now, after the socket
    /// was created receiving nothing, keeps other interfaces' packets out. A socket bound to one protocol never sees
    /// what this host sends (only `ETH_P_ALL` taps do), so our own probes do not come back.
    static func bind(_ descriptor: CInt, to interface: EthernetInterface) throws(ARPError) {
        let address = PacketSocketAddress.bytes(etherType: etherType, interfaceIndex: interface.index)
        let bound = address.withUnsafeBytes {
            Glibc.bind(descriptor, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
        }
        guard bound == 0 else {
            throw ARPError(
                .socketFailed, "cannot bind a packet socket to interface \(interface.name): \(SystemError.current)")
        }
    }

    /// Sends one packet to every host on the interface's link without waiting; nil on success, else the errno.
    static func send(_ packet: ARPPacket, on descriptor: CInt, interfaceIndex: CInt) -> CInt? {
        let destination = PacketSocketAddress.bytes(
            etherType: etherType, interfaceIndex: interfaceIndex, destination: .broadcast)
        let bytes = packet.encoded
        let sent = bytes.withUnsafeBytes { payload in
            destination.withUnsafeBytes { address in
                sendto(
                    descriptor, payload.baseAddress, payload.count, CInt(MSG_DONTWAIT),
                    address.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(address.count))
            }
        }
        return sent < 0 ? errno : nil
    }
}
