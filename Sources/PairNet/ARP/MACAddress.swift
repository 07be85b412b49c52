/// An Ethernet (IEEE 802 MAC-48) hardware address: the address a neighbour's ARP cache maps an IPv4 address to.
public struct MACAddress: Sendable, Hashable, CustomStringConvertible {
    /// The six octets as a 48-bit number, the first octet most significant.
    public var value: UInt64

    /// `ff:ff:ff:ff:ff:ff`, every host on the link.
    public static let broadcast = MACAddress(value: 0xffff_ffff_ffff)
    /// `00:00:00:00:00:00`, what an ARP request puts where the target's hardware address is still unknown.
    public static let zero = MACAddress(value: 0)

    /// Creates an address from its 48-bit value; higher bits are dropped.
    public init(value: UInt64) {
        self.value = value & 0xffff_ffff_ffff
    }

    /// Creates an address from exactly six octets; nil for any other count.
    public init?(octets: some Collection<UInt8>) {
        guard octets.count == 6 else { return nil }
        self.init(value: octets.reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// Parses six colon-separated pairs of hex digits, as `ip link` prints them (`02:42:c6:12:00:01`, either case).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        let octets = parts.compactMap { UInt8($0, radix: 16) }
        self.init(octets: octets)
    }

    /// The six octets, first on the wire first.
    public var octets: [UInt8] {
        (0..<6).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// Lower-case hex pairs separated by colons, as `ip link` prints them.
    public var description: String {
        octets.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
    }
}
