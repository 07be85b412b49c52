import Logging
import NIOCore
import NIOPosix
import PairCore

/// Opens a UDP medium: the socket from `UDPSocket`, handed to SwiftNIO's `DatagramBootstrap` for receiving.
struct UDPOpener: MediumOpener {
    let endpoint: UDPEndpoint
    let medium: Int
    let counters: TransportCounterBox
    let logger: Logger
    let receive: @Sendable (ReceivedHeartbeatBytes) -> Void

    func open(on eventLoop: any EventLoop) throws(PairNetError) -> EventLoopFuture<UDPSocketHandle> {
        guard let interfaceIndex = NetworkInterfaces.index(of: endpoint.interface) else {
            throw PairNetError(
                .interfaceMissing,
                "interface \(endpoint.interface) does not exist; the medium opens once it appears "
                    + "(check the name in ha.cf against `ip link`)")
        }
        guard let bootstrap = DatagramBootstrap(validatingGroup: eventLoop) else {
            throw PairNetError(
                .channelFailed, "the event loop given to HeartbeatMedia.open is not a SwiftNIO POSIX loop")
        }
        let descriptor = try UDPSocket.open(endpoint, interfaceIndex: interfaceIndex)
        let destination = currentDestination()
        let (medium, group, counters, logger, receive) = (medium, endpoint.group, counters, logger, receive)
        return
            bootstrap
            .channelOption(
                .recvAllocator,
                value: FixedSizeRecvByteBufferAllocator(capacity: HeartbeatMedia.maximumDatagramSize + 1)
            )
            .channelOption(.receivePacketInfo, value: group != nil)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DatagramReceiveHandler(
                            medium: medium, group: group, counters: counters, logger: logger, receive: receive))
                }
            }
            .withBoundSocket(descriptor)
            .map { channel in
                UDPSocketHandle(
                    channel: channel, descriptor: descriptor, interfaceIndex: interfaceIndex,
                    destination: NIOLoopBoundBox(destination, eventLoop: eventLoop))
            }
    }

    func channel(of handle: UDPSocketHandle) -> any Channel {
        handle.channel
    }

    /// Reopens when the interface is gone or was re-created (the socket stays bound to the old index); refreshes
    /// the broadcast address.
    func check(_ handle: UDPSocketHandle) -> String? {
        guard let index = NetworkInterfaces.index(of: endpoint.interface) else {
            return "interface \(endpoint.interface) disappeared"
        }
        guard index == handle.interfaceIndex else {
            return "interface \(endpoint.interface) was re-created (index \(handle.interfaceIndex) is now \(index))"
        }
        handle.destination.value = currentDestination()
        return nil
    }

    /// Where messages go now: the peer, the group, or the interface's broadcast address.
    func currentDestination() -> IPv4Address {
        switch endpoint.destination {
        case .peer(let peer): peer
        case .group(let group, _, _): group
        case .interfaceBroadcast:
            NetworkInterfaces.broadcastAddress(of: endpoint.interface) ?? IPv4Address(value: .max)
        }
    }
}
