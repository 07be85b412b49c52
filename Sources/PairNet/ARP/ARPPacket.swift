import PairCore

/// An ARP packet for IPv4 over Ethernet (RFC 826), the 28 bytes after the Ethernet header:
///
/// | offset | size | field | value |
/// |---|---|---|---|
/// | 0 | 2 | hardware type | 1, Ethernet |
/// | 2 | 2 | protocol type | 0x0800, IPv4 |
/// | 4 | 1 | hardware address length | 6 |
/// | 5 | 1 | protocol address length | 4 |
/// | 6 | 2 | operation | 1 request, 2 reply |
/// | 8 | 6 | sender hardware address | |
/// | 14 | 4 | sender protocol address | |
/// | 18 | 6 | target hardware address | |
/// | 24 | 4 | target protocol address | |
///
/// Every field is in network byte order.
public struct ARPPacket: Sendable, Hashable {
    /// What the packet asks or tells.
    public enum Operation: UInt16, Sendable {
        case request = 1
        case reply = 2
    }

    /// The length of an encoded packet; what follows it in a frame (Ethernet padding) is ignored.
    public static let size = 28
    static let ethernetHardwareType: UInt16 = 1
    static let ipv4ProtocolType: UInt16 = 0x0800

    public var operation: Operation
    public var senderHardwareAddress: MACAddress
    public var senderProtocolAddress: IPv4Address
    public var targetHardwareAddress: MACAddress
    public var targetProtocolAddress: IPv4Address

    /// Creates a packet.
    public init(
        operation: Operation, senderHardwareAddress: MACAddress, senderProtocolAddress: IPv4Address,
        targetHardwareAddress: MACAddress, targetProtocolAddress: IPv4Address
    ) {
        self.operation = operation
        self.senderHardwareAddress = senderHardwareAddress
        self.senderProtocolAddress = senderProtocolAddress
        self.targetHardwareAddress = targetHardwareAddress
        self.targetProtocolAddress = targetProtocolAddress
    }

    /// Decodes the packet at the start of `bytes`; nil unless it is a request or reply for IPv4 over Ethernet.
    public init?(decoding bytes: some Collection<UInt8>) {
        let bytes = Array(bytes.prefix(Self.size))
        guard bytes.count == Self.size, Self.uint16(bytes, at: 0) == Self.ethernetHardwareType,
            Self.uint16(bytes, at: 2) == Self.ipv4ProtocolType, bytes[4] == 6, bytes[5] == 4,
            let operation = Operation(rawValue: Self.uint16(bytes, at: 6))
        else { return nil }
        self.init(
            operation: operation,
            senderHardwareAddress: MACAddress(octets: bytes[8..<14])!,
            senderProtocolAddress: Self.ipv4(bytes, at: 14),
            targetHardwareAddress: MACAddress(octets: bytes[18..<24])!,
            targetProtocolAddress: Self.ipv4(bytes, at: 24))
    }

    /// The 28 bytes on the wire.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.size)
        for field in [Self.ethernetHardwareType, Self.ipv4ProtocolType] {
            bytes += [UInt8(field >> 8), UInt8(field & 0xff)]
        }
        bytes += [6, 4, UInt8(operation.rawValue >> 8), UInt8(operation.rawValue & 0xff)]
        bytes += senderHardwareAddress.octets + senderProtocolAddress.octets
        bytes += targetHardwareAddress.octets + targetProtocolAddress.octets
        return bytes
    }

    private static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    private static func ipv4(_ bytes: [UInt8], at offset: Int) -> IPv4Address {
        IPv4Address(value: bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) })
    }
}
