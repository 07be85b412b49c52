import Testing

@testable import PairNet

@Suite("ICMP echo packets")
struct ICMPEchoPacketTests {
    @Test("the checksum of RFC 1071's example, and of an odd length")
    func checksum() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (ones' complement), checksum 220d.
        #expect(ICMPEchoPacket.checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]) == 0x220d)
        #expect(ICMPEchoPacket.checksum([0x01]) == ~UInt16(0x0100))
    }

    @Test("a request carries type 8, its identifier, sequence and payload, and a checksum over it all")
    func request() {
        let bytes = ICMPEchoPacket.request(identifier: 0x1234, sequence: 7, payload: [9, 8, 7]).encoded
        #expect(Array(bytes[0...1]) == [8, 0])
        #expect(Array(bytes[4...7]) == [0x12, 0x34, 0x00, 0x07])
        #expect(Array(bytes[8...]) == [9, 8, 7])
        #expect(ICMPEchoPacket.checksum(bytes) == 0)
    }

    @Test("a reply is read from its IPv4 datagram, with the address it came from")
    func reply() throws {
        var reply = ICMPEchoPacket.request(identifier: 0xbeef, sequence: 2, payload: [1, 2, 3, 4])
        reply.type = ICMPEchoPacket.replyType
        let datagram = Self.ipv4Header(from: [10, 0, 0, 254]) + reply.encoded
        let (source, packet) = try #require(ICMPEchoPacket.reply(fromIPv4Datagram: datagram))
        #expect(source == 0x0a00_00fe)
        #expect(packet == reply)
    }

    @Test(
        "anything but an intact echo reply is ignored",
        arguments: ["a request", "a wrong checksum", "another protocol", "IPv6", "a truncated message"])
    func ignored(_ damage: String) {
        var reply = ICMPEchoPacket.request(identifier: 1, sequence: 0, payload: [1, 2])
        reply.type = ICMPEchoPacket.replyType
        var datagram = Self.ipv4Header(from: [127, 0, 0, 1]) + reply.encoded
        switch damage {
        case "a request": datagram[20] = ICMPEchoPacket.requestType
        case "a wrong checksum": datagram[22] ^= 0xff
        case "another protocol": datagram[9] = 17
        case "IPv6": datagram[0] = 0x60
        default: datagram.removeLast(datagram.count - 24)
        }
        #expect(ICMPEchoPacket.reply(fromIPv4Datagram: datagram) == nil)
    }

    /// A 20-byte IPv4 header for ICMP from `source` (the kernel's own checksum is not checked by the reader).
    private static func ipv4Header(from source: [UInt8]) -> [UInt8] {
        [0x45, 0, 0, 0, 0, 0, 0, 0, 64, 1, 0, 0] + source + [127, 0, 0, 1]
    }
}
