/// An IPv4 address, parsed strictly from dotted-quad notation (four decimal parts, 0...255, no leading zeros).
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address in host byte order.
    public var value: UInt32

    /// Creates an address from its 32-bit value in host byte order.
    public init(value: UInt32) {
        self.value = value
    }

    /// Parses `a.b.c.d`; nil for anything else (names, short forms, octal-looking parts).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    /// The four octets, most significant first.
    public var octets: [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    /// True for 224.0.0.0/4.
    public var isMulticast: Bool { value >> 28 == 0xe }

    /// True for 0.0.0.0/8, 127.0.0.0/8 and 255.255.255.255, which cannot name a peer or a service.
    public var isUnusableAsHost: Bool {
        value >> 24 == 0 || value >> 24 == 127 || value == .max || isMulticast || value >> 28 == 0xf
    }

    /// Dotted-quad notation.
    public var description: String { octets.map(String.init).joined(separator: ".") }

    /// Orders addresses numerically.
    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}
