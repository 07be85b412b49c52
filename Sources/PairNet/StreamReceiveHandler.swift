import Glibc
import Logging
import NIOCore

/// Delivers what a serial line reads, chunk by chunk as it arrives, to the agent (which frames it), on the event
/// loop. Before the channel closes it discards unsent output, so that closing a real serial port does not wait
/// for the UART to drain at the line's speed.
final class StreamReceiveHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let medium: Int
    private let descriptor: CInt
    private let counters: TransportCounterBox
    private let logger: Logger
    private let receive: @Sendable (ReceivedHeartbeatBytes) -> Void

    init(
        medium: Int, descriptor: CInt, counters: TransportCounterBox, logger: Logger,
        receive: @escaping @Sendable (ReceivedHeartbeatBytes) -> Void
    ) {
        self.medium = medium
        self.descriptor = descriptor
        self.counters = counters
        self.logger = logger
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Array(unwrapInboundIn(data).readableBytesView)
        counters.update {
            $0.framesReceived += 1
            $0.bytesReceived += bytes.count
        }
        receive(ReceivedHeartbeatBytes(medium: medium, bytes: bytes, isStream: true))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // SwiftNIO closes the channel on a read error (EIO once the other end of a pty is gone); the medium
        // logs the loss and reopens.
        logger.debug("serial line error", metadata: ["heartbeat.error": "\(error)"])
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if context.channel.isActive {
            tcflush(descriptor, TCOFLUSH)
        }
        context.close(mode: mode, promise: promise)
    }
}
