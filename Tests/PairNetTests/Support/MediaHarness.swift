import Logging
import NIOCore
import NIOPosix
import PairCore
import PairNet
import PairTestSupport

/// A dedicated single-thread event loop (as the agent gives the media), what the media delivered, and what they
/// logged. `with` shuts everything down whatever happens.
struct MediaHarness {
    /// Short, so the tests of outages do not wait long; the behaviour does not depend on it.
    static let retryInterval = TimeAmount.milliseconds(100)

    let group: MultiThreadedEventLoopGroup
    let deliveries = Deliveries()
    let log = CapturedLog()
    private let transports = TransportList()

    var eventLoop: any EventLoop { group.next() }

    /// Opens `media` as the agent does, with this harness's loop, deliveries and log.
    func open(_ media: [HeartbeatMedium], udpPort: UInt16 = 694, baud: Int = 19200) async -> [any HeartbeatTransport] {
        let opened = await HeartbeatMedia.open(
            media, udpPort: udpPort, baud: baud, on: eventLoop, logger: log.logger,
            retryInterval: Self.retryInterval, receive: deliveries.receive)
        transports.append(opened)
        return opened
    }

    static func with<Result>(_ body: (MediaHarness) async throws -> Result) async throws -> Result {
        let harness = MediaHarness(group: MultiThreadedEventLoopGroup(numberOfThreads: 1))
        do {
            let result = try await body(harness)
            await harness.shutdown()
            return result
        } catch {
            await harness.shutdown()
            throw error
        }
    }

    private func shutdown() async {
        for transport in transports.all {
            await transport.close()
        }
        try? await group.shutdownGracefully()
    }
}

/// A medium as a ha.cf line gives it.
func medium(_ kind: HeartbeatMedium.Kind) -> HeartbeatMedium {
    let written =
        switch kind {
        case .broadcast(let interface): "bcast \(interface)"
        case .multicast(let interface, let group, let port, let ttl, let loop):
            "mcast \(interface) \(group) \(port) \(ttl) \(loop ? 1 : 0)"
        case .unicast(let interface, let peer): "ucast \(interface) \(peer)"
        case .serial(let device): "serial \(device)"
        }
    return HeartbeatMedium(kind: kind, line: 1, written: written)
}

/// Random bytes, every value possible.
func randomBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255) }
}
