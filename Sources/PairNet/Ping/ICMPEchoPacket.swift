/// An ICMP echo request or reply (RFC 792): type, code, checksum, identifier, sequence number and payload.
struct ICMPEchoPacket: Sendable, Equatable {
    /// ICMP type 8.
    static let requestType: UInt8 = 8
    /// ICMP type 0.
    static let replyType: UInt8 = 0
    /// IP protocol number 1.
    static let ipProtocol: UInt8 = 1

    var type: UInt8
    var identifier: UInt16
    var sequence: UInt16
    var payload: [UInt8]

    /// An echo request.
    static func request(identifier: UInt16, sequence: UInt16, payload: [UInt8]) -> ICMPEchoPacket {
        ICMPEchoPacket(type: requestType, identifier: identifier, sequence: sequence, payload: payload)
    }

    /// The ICMP message with its checksum, as a raw socket sends it (the kernel adds the IP header).
    var encoded: [UInt8] {
        var bytes: [UInt8] = [type, 0, 0, 0, UInt8(identifier >> 8), UInt8(identifier & 0xff)]
        bytes += [UInt8(sequence >> 8), UInt8(sequence & 0xff)]
        bytes += payload
        let sum = Self.checksum(bytes)
        bytes[2] = UInt8(sum >> 8)
        bytes[3] = UInt8(sum & 0xff)
        return bytes
    }

    /// The echo reply in an IPv4 datagram as a raw ICMP socket receives it (IP header included), with the address
    /// it came from; nil for anything else: another ICMP type, a truncated packet, a wrong checksum.
    static func reply(fromIPv4Datagram datagram: some Collection<UInt8>) -> (source: UInt32, packet: ICMPEchoPacket)? {
        let bytes = Array(datagram)
        guard bytes.count >= 20, bytes[0] >> 4 == 4 else { return nil }
        let headerLength = Int(bytes[0] & 0x0f) * 4
        guard headerLength >= 20, bytes.count >= headerLength + 8, bytes[9] == ipProtocol else { return nil }
        let message = Array(bytes[headerLength...])
        guard message[0] == replyType, message[1] == 0, checksum(message) == 0 else { return nil }
        let source = bytes[12..<16].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let packet = ICMPEchoPacket(
            type: replyType, identifier: UInt16(message[4]) << 8 | UInt16(message[5]),
            sequence: UInt16(message[6]) << 8 | UInt16(message[7]), payload: Array(message[8...]))
        return (source, packet)
    }

    /// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words. Over a
    /// message that carries its checksum, it is 0.
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count {
            sum += UInt32(bytes[index]) << 8
        }
        while sum >> 16 != 0 {
            sum = (sum & 0xffff) + (sum >> 16)
        }
        return ~UInt16(sum)
    }
}
