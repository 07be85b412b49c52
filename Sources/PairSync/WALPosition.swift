/// A WAL position (an LSN), as PostgreSQL writes it: `X/Y`, two hexadecimal halves of a 64-bit byte offset.
public struct WALPosition: Sendable, Equatable, Comparable, Codable, CustomStringConvertible {
    /// The byte offset into the WAL.
    public var value: UInt64

    /// A position.
    public init(_ value: UInt64) {
        self.value = value
    }

    /// Parses `X/Y`; nil when it is not one.
    public init?(_ text: String) {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, let high = UInt32(halves[0], radix: 16), let low = UInt32(halves[1], radix: 16)
        else { return nil }
        value = UInt64(high) << 32 | UInt64(low)
    }

    /// `X/Y`, as PostgreSQL writes it.
    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let position = WALPosition(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an LSN: \(text)"))
        }
        self = position
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
