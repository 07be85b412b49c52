import Logging
import NIOPosix
import PairCore
import ServiceLifecycle

/// The node daemon: its services, started together and shut down in reverse order on SIGTERM or SIGINT.
public struct Agent {
    let configuration: PairConfiguration
    let configDirectory: String
    let logger: Logger

    /// Creates an agent for a loaded, valid configuration.
    public init(configuration: PairConfiguration, configDirectory: String, logger: Logger) {
        self.configuration = configuration
        self.configDirectory = configDirectory
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT. Throws `AgentStartError` when the node cannot start.
    public func run() async throws {
        let ha = configuration.ha
        let generation: UInt64
        do {
            try StateFile.ensureDirectory(ha.agent.stateDirectory)
            generation = try GenerationStore.advance(in: ha.agent.stateDirectory)
        } catch {
            throw AgentStartError(reason: "cannot record this start's generation: \(error)")
        }
        var logger = self.logger
        logger[metadataKey: "node"] = "\(ha.localNode)"
        let heartbeat = HeartbeatService(configuration: configuration, generation: generation, logger: logger)
        let control = ControlSocketService(
            path: ha.agent.controlSocket, statusGroup: ha.agent.controlSocketGroup,
            handler: AgentControlHandler(heartbeat: heartbeat), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger)
        let keys = KeyReloadService(
            path: ConfigurationLoader.path(of: "authkeys", in: configDirectory), logger: logger,
            apply: heartbeat.replaceKeys)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: heartbeat),
                    .init(service: control),
                    .init(service: keys),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.notice("agent starting", metadata: ["agent.generation": "\(generation)", "peer.node": "\(ha.peerNode)"])
        try await group.run()
        logger.notice("agent stopped")
    }
}
