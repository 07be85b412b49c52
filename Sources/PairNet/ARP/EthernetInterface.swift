import Glibc

/// What the kernel says about an Ethernet interface now: its index and hardware address (ioctls on any socket),
/// and whether it is up with a carrier. The calls return at once.
struct EthernetInterface: Sendable, Equatable {
    /// `ARPHRD_ETHER` (linux/if_arp.h); veth, bridges and bonds report it too.
    static let ethernetHardwareType: UInt16 = 1
    private static let upFlag: UInt32 = 0x1  // IFF_UP
    /// `IFF_LOWER_UP` (linux/if.h): the driver sees a carrier.
    private static let lowerUpFlag: UInt32 = 0x1_0000

    let name: String
    let index: CInt
    let hardwareAddress: MACAddress

    /// Looks the interface up; throws `interfaceMissing` or `notEthernet`.
    static func lookUp(_ name: String, using descriptor: CInt) throws(ARPError) -> EthernetInterface {
        guard let index = NetworkInterfaces.index(of: name) else { throw missing(name) }
        let request = try interfaceRequest(name, UInt(SIOCGIFHWADDR), on: descriptor)
        let family = request.ifr_ifru.ifru_hwaddr.sa_family
        guard family == ethernetHardwareType else {
            throw ARPError(
                .notEthernet,
                "interface \(name) is not an Ethernet interface (hardware type \(family)) and has no ARP; "
                    + "give the LAN interface that carries the service address")
        }
        let octets = withUnsafeBytes(of: request.ifr_ifru.ifru_hwaddr.sa_data) { Array($0.prefix(6)) }
        return EthernetInterface(name: name, index: index, hardwareAddress: MACAddress(octets: octets)!)
    }

    /// Throws `interfaceDown` or `noCarrier` unless the interface is up and has a carrier, since frames sent then
    /// reach nobody; `consequence` says what that means for the caller.
    ///
    /// The flags come from getifaddrs (a netlink dump): SIOCGIFFLAGS carries only the low 16 bits, without
    /// IFF_LOWER_UP, and its IFF_RUNNING follows the operational state, which the kernel updates a moment after the
    /// carrier changes.
    static func requireCarrier(_ name: String, consequence: String) throws(ARPError) {
        guard let flags = linkFlags(of: name) else { throw missing(name) }
        guard flags & upFlag != 0 else {
            throw ARPError(.interfaceDown, "interface \(name) is down; \(consequence) (`ip link set \(name) up`)")
        }
        guard flags & lowerUpFlag != 0 else {
            throw ARPError(
                .noCarrier,
                "interface \(name) has no carrier (cable, switch port or peer down); \(consequence) "
                    + "(`ip link show \(name)`)")
        }
    }

    /// The link-level flags of the interface (its `AF_PACKET` entry), or nil when it does not exist.
    private static func linkFlags(of name: String) -> UInt32? {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return nil }
        defer { freeifaddrs(first) }
        var entry = first
        while let current = entry {
            if let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_PACKET),
                String(cString: current.pointee.ifa_name) == name
            {
                return current.pointee.ifa_flags
            }
            entry = current.pointee.ifa_next
        }
        return nil
    }

    private static func interfaceRequest(
        _ name: String, _ call: UInt, on descriptor: CInt
    ) throws(ARPError) -> ifreq {
        var request = ifreq()
        let nameBytes = Array(name.utf8)
        // IFNAMSIZ is 16, the terminating zero included; no interface can have a longer name.
        guard nameBytes.count < 16, !nameBytes.contains(0) else { throw missing(name) }
        withUnsafeMutableBytes(of: &request.ifr_ifrn.ifrn_name) { buffer in
            buffer.copyBytes(from: nameBytes)
        }
        guard ioctl(descriptor, call, &request) == 0 else {
            let code = errno
            if code == ENODEV { throw missing(name) }
            throw ARPError(
                .socketFailed, "cannot read the settings of interface \(name): \(SystemError.describe(code))")
        }
        return request
    }

    private static func missing(_ name: String) -> ARPError {
        ARPError(
            .interfaceMissing,
            "interface \(name) does not exist in this network namespace; check the interface of the IPaddr "
                + "resource in haresources against `ip link`")
    }
}
