import Logging
import NIOCore
import NIOPosix
import PairCore
import PairNet
import ServiceLifecycle

/// The heartbeat as a service: a dedicated event-loop thread (real-time priority and locked memory where the
/// system allows), every medium of ha.cf opened on it, and the `HeartbeatEngine` running there until shutdown.
public final class HeartbeatService: Service, Sendable {
    /// The SCHED_RR priority of the heartbeat thread; heartbeat's `realtime on` used a low real-time priority too.
    static let realtimePriority: Int32 = 10

    private let configuration: PairConfiguration
    private let generation: UInt64
    private let logger: Logger
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    let engine: HeartbeatEngine

    /// Creates the service; nothing is opened before `run()`. `observer` hears every valid peer message and every
    /// verdict of the failure detector, in order, on the heartbeat thread: it must return at once.
    public init(
        configuration: PairConfiguration, generation: UInt64, logger: Logger, peerGenerationFloor: UInt64 = 0,
        observer: @escaping @Sendable (HeartbeatObservation) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.generation = generation
        self.logger = logger
        self.eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.engine = HeartbeatEngine(
            configuration: configuration, generation: generation,
            announcement: LocalAnnouncement(NodeAnnouncement(role: .standby)),
            eventLoop: eventLoopGroup.next(), logger: logger, peerGenerationFloor: peerGenerationFloor,
            observer: observer)
    }

    /// Announces `announcement` from the next heartbeat on; with `now`, at once.
    public func announce(_ announcement: LocalAnnouncement, now: Bool) {
        engine.announce(announcement, now: now)
    }

    /// Opens the media, sends and watches until graceful shutdown, then closes everything.
    public func run() async throws {
        let eventLoop = eventLoopGroup.next()
        let outcome = try await eventLoop.submit {
            RealtimeScheduling.applyToCurrentThread(priority: Self.realtimePriority)
        }.get()
        logger.info("heartbeat thread scheduling", metadata: ["heartbeat.realtime": "\(outcome)"])
        let engine = self.engine
        let ha = configuration.ha
        let transports = await HeartbeatMedia.open(
            ha.media, udpPort: ha.udpPort, baud: ha.baudRate, on: eventLoop, logger: logger
        ) { received in
            engine.received(received)
        }
        engine.start(transports: transports)
        logger.info(
            "heartbeat started",
            metadata: [
                "peer.node": "\(ha.peerNode)", "heartbeat.media": "\(ha.media.map(\.written))",
                "heartbeat.generation": "\(generation)",
            ])
        try? await gracefulShutdown()
        await engine.stop()
        for transport in transports {
            await transport.close()
        }
        try await eventLoopGroup.shutdownGracefully()
    }

    /// Signs and checks with `keys` from now on (SIGHUP re-reads authkeys).
    public func replaceKeys(_ keys: AuthKeys) {
        engine.replaceKeys(keys)
    }

    /// The node's view for `status`.
    public func status() -> NodeStatus {
        let view = engine.snapshot
        let now = ContinuousClock.now
        let ha = configuration.ha
        return NodeStatus(
            node: ha.localNode, role: view.announcement.role, blockedReason: nil, blockNeedsOperator: false,
            epoch: view.announcement.epoch, generation: generation, protocolVersion: PairCoreVersion.protocolVersion,
            peer: PeerStatus(
                node: ha.peerNode, state: view.peerState, role: view.peerRole, epoch: view.peerEpoch,
                links: view.links.map { link in
                    LinkStatus(
                        medium: link.medium, state: link.state,
                        lastHeardMilliseconds: link.lastHeard.map { (now - $0).milliseconds })
                },
                rejected: view.rejected))
    }
}
