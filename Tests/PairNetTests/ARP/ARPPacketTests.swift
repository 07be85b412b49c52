import PairCore
import Testing

@testable import PairNet

/// Byte layouts of RFC 826 (the packet) and RFC 5227 (which fields a probe and an announcement fill), as fixed
/// vectors.
@Suite("ARP packets")
struct ARPPacketTests {
    static let ours = MACAddress("02:00:00:00:00:0b")!
    static let theirs = MACAddress("02:00:00:00:00:0c")!
    static let service = IPv4Address("198.18.0.100")!

    static let header: [UInt8] = [0x00, 0x01, 0x08, 0x00, 0x06, 0x04]
    static let oursBytes: [UInt8] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0b]
    static let serviceBytes: [UInt8] = [198, 18, 0, 100]

    @Test("a probe: request, our hardware address, sender 0.0.0.0, target hardware zero, target the address")
    func probe() {
        let packet = ARPPacket.probe(for: Self.service, from: Self.ours)
        #expect(
            packet.encoded
                == Self.header + [0x00, 0x01] + Self.oursBytes + [0, 0, 0, 0] + [0, 0, 0, 0, 0, 0] + Self.serviceBytes)
    }

    @Test("an announcement: request, sender and target protocol address both the address, target hardware zero")
    func announcement() {
        let packet = ARPPacket.announcement(of: Self.service, from: Self.ours)
        #expect(
            packet.encoded
                == Self.header + [0x00, 0x01] + Self.oursBytes + Self.serviceBytes + [0, 0, 0, 0, 0, 0]
                + Self.serviceBytes)
    }

    @Test("a gratuitous reply: reply, sender and target both the address at our hardware address")
    func gratuitousReply() {
        let packet = ARPPacket.gratuitousReply(of: Self.service, from: Self.ours)
        #expect(
            packet.encoded
                == Self.header + [0x00, 0x02] + Self.oursBytes + Self.serviceBytes + Self.oursBytes + Self.serviceBytes)
    }

    @Test("a kernel's reply to a probe decodes, Ethernet padding and all")
    func decodeReply() throws {
        // As Linux answers a probe: to the prober's hardware address, target protocol address 0.0.0.0, padded to
        // the 46-byte minimum payload of an Ethernet frame.
        let bytes: [UInt8] =
            Self.header + [0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x0c] + Self.serviceBytes + Self.oursBytes
            + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 18)
        let packet = try #require(ARPPacket(decoding: bytes))
        #expect(
            packet
                == ARPPacket(
                    operation: .reply, senderHardwareAddress: Self.theirs, senderProtocolAddress: Self.service,
                    targetHardwareAddress: Self.ours, targetProtocolAddress: IPv4Address(value: 0)))
    }

    @Test("what is encoded decodes to itself")
    func roundTrip() {
        for packet in [
            ARPPacket.probe(for: Self.service, from: Self.ours), .announcement(of: Self.service, from: Self.theirs),
            .gratuitousReply(of: IPv4Address("10.1.2.3")!, from: .broadcast),
        ] {
            #expect(ARPPacket(decoding: packet.encoded) == packet)
        }
    }

    @Test(
        "anything but a request or reply for IPv4 over Ethernet is refused",
        arguments: [
            (0, 0x00),  // hardware type 0x0001 → 0x0101 (IEEE 802 is 6, but any other type is refused alike)
            (1, 0x06),  // hardware type 6
            (2, 0x86),  // protocol type 0x8600 (IPv6 is 0x86dd)
            (4, 8),  // hardware address length
            (5, 16),  // protocol address length
            (7, 3),  // operation 3 (RARP request)
            (7, 0),  // operation 0
        ])
    func refused(offset: Int, value: UInt8) {
        var bytes = ARPPacket.probe(for: Self.service, from: Self.ours).encoded
        bytes[offset] = offset == 0 ? 0x01 : value
        #expect(ARPPacket(decoding: bytes) == nil)
    }

    @Test("a truncated packet is refused", arguments: [0, 1, 8, 27])
    func truncated(length: Int) {
        #expect(ARPPacket(decoding: ARPPacket.probe(for: Self.service, from: Self.ours).encoded.prefix(length)) == nil)
    }
}
