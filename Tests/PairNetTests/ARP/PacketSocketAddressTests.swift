import Testing

@testable import PairNet

@Suite("Packet socket addresses")
struct PacketSocketAddressTests {
    @Test("sockaddr_ll: family and index in host order, protocol in network order, the destination at 12")
    func layout() {
        let bytes = PacketSocketAddress.bytes(etherType: 0x0806, interfaceIndex: 0x0102_0304, destination: .broadcast)
        let family = withUnsafeBytes(of: UInt16(17)) { Array($0) }  // AF_PACKET
        let index = withUnsafeBytes(of: Int32(0x0102_0304)) { Array($0) }
        #expect(bytes.count == 20)
        #expect(Array(bytes[0..<2]) == family)
        #expect(Array(bytes[2..<4]) == [0x08, 0x06])
        #expect(Array(bytes[4..<8]) == index)
        #expect(Array(bytes[8..<11]) == [0, 0, 0])  // hardware type, packet type: the kernel's to fill
        #expect(bytes[11] == 6)
        #expect(Array(bytes[12..<20]) == [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0])
    }

    @Test("without a destination (for bind) the address part is empty")
    func forBinding() {
        let bytes = PacketSocketAddress.bytes(etherType: 0x0806, interfaceIndex: 7)
        #expect(bytes[11] == 0)
        #expect(bytes[12..<20].allSatisfy { $0 == 0 })
    }
}
