import Logging
import NIOCore
import NIOPosix
import PairCore

@testable import PairNet

/// A plain UDP socket standing in for the peer in a loopback test: bound to one address (so it, not the
/// transport's wildcard socket, gets what is sent to that address), receiving into `deliveries` as medium 99.
struct PeerSocket {
    static let medium = 99

    let channel: any Channel
    let descriptor: CInt
    let deliveries: Deliveries

    /// Binds `address:port` on `interface`.
    static func bind(
        _ address: IPv4Address, port: UInt16, interface: String, on eventLoop: any EventLoop, logger: Logger
    ) async throws -> PeerSocket {
        let endpoint = UDPEndpoint(interface: interface, port: port, destination: .peer(address), localAddress: address)
        let descriptor = try UDPSocket.open(endpoint, interfaceIndex: requireIndex(interface))
        let deliveries = Deliveries()
        let receive = deliveries.receive
        let channel = try await DatagramBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DatagramReceiveHandler(
                            medium: medium, group: nil, counters: TransportCounterBox(), logger: logger,
                            receive: receive))
                }
            }
            .withBoundSocket(descriptor).get()
        return PeerSocket(channel: channel, descriptor: descriptor, deliveries: deliveries)
    }

    /// Sends one datagram from this socket; nil on success, else the errno.
    func send(_ bytes: [UInt8], to address: IPv4Address, port: UInt16) async throws -> CInt? {
        let descriptor = descriptor
        return try await channel.eventLoop.submit {
            UDPSocket.send(bytes, to: address, port: port, on: descriptor)
        }.get()
    }

    func close() async {
        try? await channel.close()
    }
}

private func requireIndex(_ interface: String) throws -> CInt {
    guard let index = NetworkInterfaces.index(of: interface) else {
        throw PairNetError(.interfaceMissing, "no interface \(interface)")
    }
    return index
}
