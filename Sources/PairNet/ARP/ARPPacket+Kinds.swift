import PairCore

extension ARPPacket {
    /// The "no address yet" sender protocol address of a probe.
    static let unspecified = IPv4Address(value: 0)

    /// An ARP probe (RFC 5227 §2.1.1): a request from `hardwareAddress` asking who has `address`, with sender
    /// protocol address 0.0.0.0 so that no neighbour's cache learns anything from it, and the target hardware
    /// address all zeroes.
    public static func probe(for address: IPv4Address, from hardwareAddress: MACAddress) -> ARPPacket {
        ARPPacket(
            operation: .request, senderHardwareAddress: hardwareAddress, senderProtocolAddress: unspecified,
            targetHardwareAddress: .zero, targetProtocolAddress: address)
    }

    /// An ARP announcement (RFC 5227 §2.3): a request whose sender and target protocol addresses are both
    /// `address`, target hardware address all zeroes. Neighbours that have `address` in their cache point it at
    /// `hardwareAddress`.
    public static func announcement(of address: IPv4Address, from hardwareAddress: MACAddress) -> ARPPacket {
        ARPPacket(
            operation: .request, senderHardwareAddress: hardwareAddress, senderProtocolAddress: address,
            targetHardwareAddress: .zero, targetProtocolAddress: address)
    }

    /// A gratuitous ARP reply: a reply whose sender and target are both `address` at `hardwareAddress` (sent to
    /// the broadcast address). Linux takes a reply for gratuitous only when the target hardware address equals the
    /// sender's; some routers and switches learn only from replies.
    public static func gratuitousReply(of address: IPv4Address, from hardwareAddress: MACAddress) -> ARPPacket {
        ARPPacket(
            operation: .reply, senderHardwareAddress: hardwareAddress, senderProtocolAddress: address,
            targetHardwareAddress: hardwareAddress, targetProtocolAddress: address)
    }

    /// Whether this packet, received while probing for `address` from `ownHardwareAddress`, shows that another
    /// host holds or claims the address (RFC 5227 §2.1.1): any request or reply *from* the address (a reply to our
    /// probe, an announcement, a request the holder makes), or another host's probe *for* it. A request that only
    /// asks for the address (a client looking it up) is not a claim, nor is anything we sent ourselves.
    public func claims(_ address: IPv4Address, against ownHardwareAddress: MACAddress) -> Bool {
        guard senderHardwareAddress != ownHardwareAddress else { return false }
        if senderProtocolAddress == address { return true }
        return operation == .request && senderProtocolAddress == Self.unspecified && targetProtocolAddress == address
    }
}
