import NIOCore

/// Hands every ICMP packet the raw socket reads to the round's session, stamped with the moment it was read.
final class PingReceiveHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let session: PingRoundSession

    init(session: PingRoundSession) {
        self.session = session
    }

    func channelActive(context: ChannelHandlerContext) {
        session.start()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let received = ContinuousClock.now
        session.received(unwrapInboundIn(data).data.readableBytesView, at: received)
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.closed()
        context.fireChannelInactive()
    }

    /// A failed send is already recorded by its write's promise; the socket stays open for the replies to come.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}
