import Logging
import NIOCore
import PairCore

/// Opens the heartbeat media of ha.cf.
///
/// A medium that cannot be opened at start — an interface that does not exist yet, a serial device that is
/// missing — does not stop the agent: its transport logs once, retries every `retryInterval`, and drops (and
/// counts) sends until it opens. A medium lost later (interface deleted or re-created, serial hang-up or error)
/// is reopened the same way.
///
/// Every UDP socket is bound to its interface and port with SO_REUSEADDR and SO_REUSEPORT. Broadcast and multicast
/// datagrams reach every socket on the port; unicast datagrams reach one of the sockets bound to the same interface
/// and port, so two UDP media on one interface should use different ports. `bcast`, and `mcast` with loop on,
/// also deliver the node's own messages: the caller recognises them by their sender.
public enum HeartbeatMedia {
    /// The largest datagram delivered; a larger one is dropped and counted (`TransportCounters.receivesDropped`).
    public static let maximumDatagramSize = 4096

    /// How often a medium that is not open tries again, by default.
    public static let defaultRetryInterval = TimeAmount.seconds(1)

    /// Opens every medium on `eventLoop` (the agent gives a dedicated single-thread loop it runs with real-time
    /// priority) and returns one transport per medium, in order; returns once each has made its first attempt,
    /// whether or not it succeeded. `receive` runs on `eventLoop` with everything a medium receives.
    public static func open(
        _ media: [HeartbeatMedium], udpPort: UInt16, baud: Int, on eventLoop: any EventLoop, logger: Logger,
        retryInterval: TimeAmount = defaultRetryInterval,
        receive: @escaping @Sendable (ReceivedHeartbeatBytes) -> Void
    ) async -> [any HeartbeatTransport] {
        var transports: [any HeartbeatTransport] = []
        var starts: [EventLoopFuture<Void>] = []
        for (index, medium) in media.enumerated() {
            var mediumLogger = logger
            mediumLogger[metadataKey: "heartbeat.medium"] = "\(medium.written)"
            switch medium.kind {
            case .serial(let device):
                let transport = SerialHeartbeatTransport(
                    medium: medium, index: index, device: device, baud: baud, eventLoop: eventLoop,
                    retryInterval: retryInterval, logger: mediumLogger, receive: receive)
                transports.append(transport)
                starts.append(transport.start())
            case .broadcast, .multicast, .unicast:
                let transport = UDPHeartbeatTransport(
                    medium: medium, index: index, endpoint: UDPEndpoint(medium, udpPort: udpPort),
                    eventLoop: eventLoop, retryInterval: retryInterval, logger: mediumLogger, receive: receive)
                transports.append(transport)
                starts.append(transport.start())
            }
        }
        for start in starts {
            try? await start.get()
        }
        return transports
    }
}
