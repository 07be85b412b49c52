import Testing

@testable import PairLab

struct IPv4UDPPacketTests {
    /// 198.18.2.2:40000 → 198.18.2.1:694, payload "hi", with IP options when `optionWords` > 0.
    static func packet(payload: [UInt8] = Array("hi".utf8), optionWords: Int = 0, flags: UInt8 = 0) -> [UInt8] {
        let headerLength = 20 + optionWords * 4
        let total = headerLength + 8 + payload.count
        var bytes: [UInt8] = [
            0x40 | UInt8(headerLength / 4), 0, UInt8(total >> 8), UInt8(total & 0xff), 0, 0, flags, 0,
        ]
        bytes += [64, 17, 0, 0, 198, 18, 2, 2, 198, 18, 2, 1]
        bytes += [UInt8](repeating: 1, count: optionWords * 4)
        let udpLength = 8 + payload.count
        bytes += [0x9c, 0x40, 0x02, 0xb6, UInt8(udpLength >> 8), UInt8(udpLength & 0xff), 0, 0]
        return bytes + payload
    }

    @Test func readsAddressesPortsAndPayload() {
        #expect(
            IPv4UDPPacket.parse(Self.packet())
                == IPv4UDPPacket(
                    source: "198.18.2.2", destination: "198.18.2.1", sourcePort: 40_000, destinationPort: 694,
                    payload: Array("hi".utf8)))
    }

    @Test func skipsIPOptions() {
        #expect(IPv4UDPPacket.parse(Self.packet(optionWords: 2))?.payload == Array("hi".utf8))
    }

    @Test func ignoresPaddingAfterTheDatagram() {
        #expect(IPv4UDPPacket.parse(Self.packet() + [0, 0, 0, 0])?.payload == Array("hi".utf8))
    }

    /// `packet()` with byte `index` set to `value`.
    static func patched(_ index: Int, _ value: UInt8) -> [UInt8] {
        var bytes = packet()
        bytes[index] = value
        return bytes
    }

    @Test(arguments: [
        ("truncated", Array(packet().prefix(25))),
        ("another protocol", patched(9, 6)),
        ("IPv6", patched(0, 0x60)),
        ("a first fragment", packet(flags: 0x20)),
        ("a UDP length past the packet", patched(25, 200)),
    ])
    func rejects(_ what: String, _ bytes: [UInt8]) {
        #expect(IPv4UDPPacket.parse(bytes) == nil, "\(what)")
    }
}
