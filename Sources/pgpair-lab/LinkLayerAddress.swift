/// The bytes of a `struct sockaddr_ll` (linux/if_packet.h), which Swift's Glibc module does not export:
/// family (u16), protocol (u16, network order), interface index (i32), hardware type (u16), packet type (u8),
/// address length (u8), address (8 bytes) — 20 bytes in all.
struct LinkLayerAddress {
    static let size = 20
    static let familyOffset = 0
    static let protocolOffset = 2
    static let interfaceIndexOffset = 4
    static let packetTypeOffset = 10

    /// The structure's bytes in host order, except where the kernel wants network order (the protocol).
    var bytes = [UInt8](repeating: 0, count: LinkLayerAddress.size)

    /// Stores `value` in host order at `offset`.
    mutating func set<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        withUnsafeBytes(of: value) { raw in
            for (index, byte) in raw.enumerated() {
                bytes[offset + index] = byte
            }
        }
    }
}
