/// An IPv4 address with its prefix length, as `ip addr add` takes it.
public struct IPv4Interface: Sendable, Hashable, CustomStringConvertible {
    /// The dotted-quad address, e.g. `198.18.0.1`.
    public let address: String
    public let prefixLength: Int

    public init(_ address: String, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// `198.18.0.1/24`.
    public var cidr: String {
        "\(address)/\(prefixLength)"
    }

    public var description: String {
        cidr
    }

    /// The address as a 32-bit number; nil when it is not a dotted quad.
    static func number(_ address: String) -> UInt32? {
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }

    /// Whether `other` is in this interface's subnet.
    public func contains(_ other: String) -> Bool {
        guard let mine = Self.number(address), let theirs = Self.number(other) else { return false }
        let mask: UInt32 = prefixLength == 0 ? 0 : ~UInt32(0) << (32 - prefixLength)
        return mine & mask == theirs & mask
    }
}
