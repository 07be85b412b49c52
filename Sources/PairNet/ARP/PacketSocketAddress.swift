import Glibc

/// The bytes of a `struct sockaddr_ll` (linux/if_packet.h), which Swift's Glibc module does not export: family
/// (u16), protocol (u16, network order), interface index (i32), hardware type (u16), packet type (u8), address
/// length (u8), address (8 bytes) — 20 bytes, in host order except the protocol.
enum PacketSocketAddress {
    static let size = 20

    /// An address for `bind` (which frames a socket receives) or `sendto` (where a frame goes): `etherType` on the
    /// interface `interfaceIndex`, and for `sendto` the link-layer destination.
    static func bytes(etherType: UInt16, interfaceIndex: CInt, destination: MACAddress? = nil) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        store(UInt16(AF_PACKET), at: 0, in: &bytes)
        store(etherType.bigEndian, at: 2, in: &bytes)
        store(interfaceIndex, at: 4, in: &bytes)
        if let destination {
            bytes[11] = 6
            bytes.replaceSubrange(12..<18, with: destination.octets)
        }
        return bytes
    }

    private static func store<Value: FixedWidthInteger>(_ value: Value, at offset: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: value) { raw in
            for (index, byte) in raw.enumerated() {
                bytes[offset + index] = byte
            }
        }
    }
}
