import PairCore
import Testing

@testable import PairNet

/// Which packets, received while probing, show that another host holds or claims the address (RFC 5227 §2.1.1).
@Suite("ARP claims on an address")
struct ARPPacketKindsTests {
    static let ours = MACAddress("02:00:00:00:00:0b")!
    static let theirs = MACAddress("02:00:00:00:00:0c")!
    static let service = IPv4Address("198.18.0.100")!
    static let other = IPv4Address("198.18.0.10")!
    static let unspecified = IPv4Address(value: 0)

    static func packet(
        _ operation: ARPPacket.Operation, from sender: MACAddress, _ senderAddress: IPv4Address,
        to target: IPv4Address
    ) -> ARPPacket {
        ARPPacket(
            operation: operation, senderHardwareAddress: sender, senderProtocolAddress: senderAddress,
            targetHardwareAddress: .zero, targetProtocolAddress: target)
    }

    @Test(
        "claims",
        arguments: [
            // The holder's reply to our probe.
            (packet(.reply, from: theirs, service, to: unspecified), true),
            // The holder announcing the address.
            (ARPPacket.announcement(of: service, from: theirs), true),
            (ARPPacket.gratuitousReply(of: service, from: theirs), true),
            // The holder asking for another host: it uses the address.
            (packet(.request, from: theirs, service, to: other), true),
            // Another host probing for the same address at the same time.
            (ARPPacket.probe(for: service, from: theirs), true),
        ])
    func claims(packet: ARPPacket, claims: Bool) {
        #expect(packet.claims(Self.service, against: Self.ours) == claims)
    }

    @Test(
        "no claim",
        arguments: [
            // Our own probe and announcement, seen on the wire.
            ARPPacket.probe(for: service, from: ours), .announcement(of: service, from: ours),
            .gratuitousReply(of: service, from: ours),
            // A client looking the address up: it wants the address, it does not hold it.
            packet(.request, from: theirs, other, to: service),
            // Replies, announcements and probes about other addresses.
            packet(.reply, from: theirs, other, to: unspecified), .announcement(of: other, from: theirs),
            .probe(for: other, from: theirs),
            // A reply to someone else's probe for another address, aimed at ours by mistake.
            packet(.reply, from: theirs, other, to: service),
        ])
    func noClaim(packet: ARPPacket) {
        #expect(!packet.claims(Self.service, against: Self.ours))
    }
}
