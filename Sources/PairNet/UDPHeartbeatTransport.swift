import Glibc
import Logging
import NIOCore
import PairCore

/// A `ucast`, `bcast` or `mcast` medium: one UDP socket bound to the medium's interface and port.
///
/// Receiving goes through SwiftNIO. Sending calls `sendto` on the same socket, on the event loop, without waiting:
/// SwiftNIO closes a datagram channel on most write errors (ENETUNREACH, EPERM from a firewall, ENOBUFS under
/// load), and a medium that can still receive must not stop receiving because a send failed.
final class UDPHeartbeatTransport: ReopeningTransport {
    let medium: HeartbeatMedium
    private let endpoint: UDPEndpoint
    let reopening: ReopeningMedium<UDPOpener>
    private let logger: Logger
    private let sendFailureLog: NIOLoopBoundBox<OccasionalLog>

    init(
        medium: HeartbeatMedium, index: Int, endpoint: UDPEndpoint, eventLoop: any EventLoop,
        retryInterval: TimeAmount, logger: Logger, receive: @escaping @Sendable (ReceivedHeartbeatBytes) -> Void
    ) {
        self.medium = medium
        self.endpoint = endpoint
        self.logger = logger
        let counters = TransportCounterBox()
        self.reopening = ReopeningMedium(
            opener: UDPOpener(endpoint: endpoint, medium: index, counters: counters, logger: logger, receive: receive),
            counters: counters, eventLoop: eventLoop, retryInterval: retryInterval, logger: logger)
        self.sendFailureLog = .makeBoxSendingValue(OccasionalLog(), eventLoop: eventLoop)
    }

    func sendOnEventLoop(_ message: [UInt8]) {
        reopening.withOpenHandle { handle in
            let destination = handle.destination.value
            if let code = UDPSocket.send(message, to: destination, port: endpoint.port, on: handle.descriptor) {
                reopening.counters.update { $0.sendFailures += 1 }
                sendFailureLog.value.warning(
                    "heartbeat send failed",
                    error: "sendto \(destination):\(endpoint.port): \(SystemError.describe(code))", logger: logger)
            } else {
                reopening.counters.update { $0.framesSent += 1 }
            }
        }
    }
}
