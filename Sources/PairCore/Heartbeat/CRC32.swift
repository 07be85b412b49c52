/// CRC-32 (IEEE 802.3, as zlib and Ethernet compute it), for authkeys' `crc` method: it detects corruption on a
/// link and authenticates nothing.
enum CRC32 {
    /// The checksum of `bytes`; 0xCBF43926 for the ASCII bytes of `123456789`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The checksum as four bytes, most significant first (so its hexadecimal reads as the number).
    static func checksumBytes(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let crc = checksum(bytes)
        return [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }

    /// The remainders of every byte value for the reflected polynomial 0xEDB88320.
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
