import NIOCore

/// Hands every ARP packet the packet socket reads (one per read; a packet socket keeps packet boundaries) to the
/// probe session, stamped with the moment it was read. Anything that is not an ARP packet for IPv4 over Ethernet
/// is ignored.
final class ARPReceiveHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let session: ARPProbeSession

    init(session: ARPProbeSession) {
        self.session = session
    }

    func channelActive(context: ChannelHandlerContext) {
        session.start()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let received = ContinuousClock.now
        if let packet = ARPPacket(decoding: unwrapInboundIn(data).readableBytesView) {
            session.received(packet, at: received)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.closed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        session.failed(error)
        context.close(promise: nil)
    }
}
