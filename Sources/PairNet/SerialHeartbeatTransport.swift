import Logging
import NIOCore
import PairCore

/// A `serial` medium: the device opened raw at the configured speed, read and written through SwiftNIO. When the
/// line fails or hangs up (the far end of a pty vanished, a USB adapter was unplugged) it is closed and reopened
/// every retry interval until it works again.
final class SerialHeartbeatTransport: ReopeningTransport {
    let medium: HeartbeatMedium
    let reopening: ReopeningMedium<SerialOpener>
    private let logger: Logger
    private let sendFailureLog: NIOLoopBoundBox<OccasionalLog>

    init(
        medium: HeartbeatMedium, index: Int, device: String, baud: Int, eventLoop: any EventLoop,
        retryInterval: TimeAmount, logger: Logger, receive: @escaping @Sendable (ReceivedHeartbeatBytes) -> Void
    ) {
        self.medium = medium
        self.logger = logger
        let counters = TransportCounterBox()
        self.reopening = ReopeningMedium(
            opener: SerialOpener(
                device: device, baud: baud, medium: index, counters: counters, logger: logger, receive: receive),
            counters: counters, eventLoop: eventLoop, retryInterval: retryInterval, logger: logger)
        self.sendFailureLog = .makeBoxSendingValue(OccasionalLog(), eventLoop: eventLoop)
    }

    func sendOnEventLoop(_ message: [UInt8]) {
        reopening.withOpenHandle { channel in
            guard channel.isWritable else {
                let limit = SerialOpener.writeBufferLimit
                sendFailed("the line has not sent the previous messages yet (more than \(limit) bytes wait)")
                return
            }
            channel.writeAndFlush(channel.allocator.buffer(bytes: message)).assumeIsolated().whenComplete { result in
                switch result {
                case .success: self.reopening.counters.update { $0.framesSent += 1 }
                case .failure(let error): self.sendFailed("\(error)")
                }
            }
        }
    }

    private func sendFailed(_ reason: String) {
        reopening.counters.update { $0.sendFailures += 1 }
        sendFailureLog.value.warning("heartbeat send failed", error: reason, logger: logger)
    }
}
