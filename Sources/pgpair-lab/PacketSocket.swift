import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only packet socket (`AF_PACKET`, `SOCK_DGRAM`, IPv4) bound to one interface: it receives a copy of
/// every IPv4 packet the interface carries, from the IP header on, and takes nothing from the sockets the
/// packets are meant for. Blocking, for the short-lived `capture` helper only.
struct PacketSocket: ~Copyable {
    private let descriptor: Int32

    private static let ethernetTypeIPv4: UInt16 = 0x0800
    /// `PACKET_OUTGOING` in `sockaddr_ll.sll_pkttype`: a packet this host sent.
    private static let outgoingPacketType: UInt8 = 4

    /// Opens the socket on `interface`.
    init(interface: String) throws {
        let index = if_nametoindex(interface)
        guard index != 0 else { throw HelperError("no interface \(interface) in this network namespace") }
        let protocolNumber = Int32(Self.ethernetTypeIPv4.bigEndian)
        let descriptor = socket(AF_PACKET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), protocolNumber)
        guard descriptor >= 0 else { throw HelperError("cannot open a packet socket: \(HelperError.errnoText())") }
        var address = LinkLayerAddress()
        address.set(UInt16(AF_PACKET), at: LinkLayerAddress.familyOffset)
        address.set(Self.ethernetTypeIPv4.bigEndian, at: LinkLayerAddress.protocolOffset)
        address.set(Int32(index), at: LinkLayerAddress.interfaceIndexOffset)
        let bound = address.bytes.withUnsafeBytes {
            bind(descriptor, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
        }
        guard bound == 0 else {
            let reason = HelperError.errnoText()
            close(descriptor)
            throw HelperError("cannot bind a packet socket to \(interface): \(reason)")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The next packet that arrived on the interface (not one this host sent), or nil when none arrives
    /// before `deadline`.
    func nextIncomingPacket(before deadline: ContinuousClock.Instant) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { throw HelperError("poll failed: \(HelperError.errnoText())") }
            if ready == 0 { continue }
            var from = LinkLayerAddress()
            var fromLength = socklen_t(from.bytes.count)
            let count = buffer.withUnsafeMutableBytes { bytes in
                from.bytes.withUnsafeMutableBytes {
                    recvfrom(
                        descriptor, bytes.baseAddress, bytes.count, 0,
                        $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), &fromLength)
                }
            }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count >= 0 else { throw HelperError("recvfrom failed: \(HelperError.errnoText())") }
            if from.bytes[LinkLayerAddress.packetTypeOffset] == Self.outgoingPacketType { continue }
            return Array(buffer[..<count])
        }
    }
}
