import Logging
import NIOCore
import PairCore

/// Delivers each datagram whole to the agent, on the event loop. Drops (and counts) one larger than
/// `HeartbeatMedia.maximumDatagramSize` — the receive buffer is one byte larger, so a datagram that fills it was
/// truncated by the kernel — and, for multicast, one not addressed to the medium's group (a broadcast or another
/// group arriving on the same port).
final class DatagramReceiveHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let medium: Int
    private let group: IPv4Address?
    private let counters: TransportCounterBox
    private let receive: @Sendable (ReceivedHeartbeatBytes) -> Void
    private let logger: Logger
    private var dropLog = OccasionalLog()

    init(
        medium: Int, group: IPv4Address?, counters: TransportCounterBox, logger: Logger,
        receive: @escaping @Sendable (ReceivedHeartbeatBytes) -> Void
    ) {
        self.medium = medium
        self.group = group
        self.counters = counters
        self.logger = logger
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        if let reason = dropReason(envelope) {
            counters.update { $0.receivesDropped += 1 }
            dropLog.warning("heartbeat datagram dropped", error: reason, logger: logger)
            return
        }
        let bytes = Array(envelope.data.readableBytesView)
        counters.update {
            $0.framesReceived += 1
            $0.bytesReceived += bytes.count
        }
        let source = envelope.remoteAddress.ipAddress.map { "\($0):\(envelope.remoteAddress.port ?? 0)" }
        receive(ReceivedHeartbeatBytes(medium: medium, bytes: bytes, isStream: false, source: source))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Only errors SwiftNIO recovers from reach here (e.g. ECONNREFUSED); it closes the channel on the others,
        // and the medium reopens.
        logger.debug("heartbeat socket error", metadata: ["heartbeat.error": "\(error)"])
    }

    private func dropReason(_ envelope: AddressedEnvelope<ByteBuffer>) -> String? {
        if envelope.data.readableBytes > HeartbeatMedia.maximumDatagramSize {
            return "a datagram from \(envelope.remoteAddress) is larger than "
                + "\(HeartbeatMedia.maximumDatagramSize) bytes; no heartbeat message is that large"
        }
        if let group, let info = envelope.metadata?.packetInfo,
            case .v4(let destination) = info.destinationAddress,
            UInt32(bigEndian: destination.address.sin_addr.s_addr) != group.value
        {
            return "a datagram from \(envelope.remoteAddress) to \(info.destinationAddress.ipAddress ?? "?") "
                + "arrived on the port of multicast group \(group); another medium shares the port"
        }
        return nil
    }
}
