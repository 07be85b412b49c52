/// A UDP datagram in an IPv4 packet, as a packet socket (`AF_PACKET`, `SOCK_DGRAM`) delivers it: from the IP
/// header on. The lab's `capture` helper reads heartbeats this way without taking them from the agent.
public struct IPv4UDPPacket: Sendable, Equatable {
    /// The sender's address, dotted quad.
    public var source: String
    public var destination: String
    public var sourcePort: Int
    public var destinationPort: Int
    /// The UDP payload.
    public var payload: [UInt8]

    public init(source: String, destination: String, sourcePort: Int, destinationPort: Int, payload: [UInt8]) {
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.payload = payload
    }

    static let udpProtocol: UInt8 = 17

    /// The datagram in `packet`, an IPv4 packet; nil for anything else (another protocol, a fragment, a
    /// truncated or inconsistent header).
    public static func parse(_ packet: [UInt8]) -> IPv4UDPPacket? {
        guard packet.count >= 20, packet[0] >> 4 == 4 else { return nil }
        let headerLength = Int(packet[0] & 0x0f) * 4
        let totalLength = Int(packet[2]) << 8 | Int(packet[3])
        let fragment = (Int(packet[6]) << 8 | Int(packet[7]))
        // More-fragments flag or a fragment offset: only whole datagrams are of interest.
        guard headerLength >= 20, packet[9] == udpProtocol, fragment & 0x3fff == 0,
            totalLength <= packet.count, totalLength >= headerLength + 8
        else { return nil }
        let udp = headerLength
        let udpLength = Int(packet[udp + 4]) << 8 | Int(packet[udp + 5])
        guard udpLength >= 8, udp + udpLength <= totalLength else { return nil }
        return IPv4UDPPacket(
            source: address(packet[12..<16]),
            destination: address(packet[16..<20]),
            sourcePort: Int(packet[udp]) << 8 | Int(packet[udp + 1]),
            destinationPort: Int(packet[udp + 2]) << 8 | Int(packet[udp + 3]),
            payload: Array(packet[(udp + 8)..<(udp + udpLength)])
        )
    }

    private static func address(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map(String.init).joined(separator: ".")
    }
}
