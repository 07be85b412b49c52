import Logging
import NIOPosix
import PairCore
import ServiceLifecycle

/// The node daemon: its services, started together and shut down in reverse order on SIGTERM or SIGINT — sync
/// first (a round in progress is cancelled), the control socket, then the node (which stops every group it
/// holds), then the heartbeat (which has announced the release by then).
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
        if let reason = NodeService.unsupportedSettings(configuration) {
            throw AgentStartError(reason: reason)
        }
        let generation: UInt64
        let persisted: PersistedNodeState
        let peerGeneration: UInt64
        do {
            try StateFile.ensureDirectory(ha.agent.stateDirectory)
            let store = NodeStateStore(directory: ha.agent.stateDirectory)
            persisted = try store.load()
            peerGeneration = try store.loadPeerGeneration()
        } catch {
            throw AgentStartError(reason: "cannot read the node's state: \(error)")
        }
        do {
            generation = try GenerationStore.advance(in: ha.agent.stateDirectory)
        } catch {
            throw AgentStartError(reason: "cannot record this start's generation: \(error)")
        }
        var logger = self.logger
        logger[metadataKey: "node"] = "\(ha.localNode)"
        let inbox = NodeInbox()
        let heartbeat = HeartbeatService(
            configuration: configuration, generation: generation, logger: logger, peerGenerationFloor: peerGeneration,
            observer: inbox.heartbeatObserved)
        let controls = ResourceControls.system(
            for: ha, arpRepeats: .handedTo { work in inbox.post(.background(work)) }, logger: logger)
        let node = NodeService(
            configuration: configuration, persisted: persisted, peerGeneration: peerGeneration, inbox: inbox,
            heartbeat: heartbeat,
            runners: configuration.resources.groups.map(controls.runner(for:)),
            guards: SystemGuards(configuration: configuration, control: controls.addresses, logger: logger),
            logger: logger)
        let sync = SyncService(configuration: configuration, heartbeat: heartbeat, node: node, logger: logger)
        let control = ControlSocketService(
            path: ha.agent.controlSocket, statusGroup: ha.agent.controlSocketGroup,
            handler: AgentControlHandler(node: sync.control), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger)
        let keys = KeyReloadService(
            path: ConfigurationLoader.path(of: "authkeys", in: configDirectory), logger: logger,
            apply: heartbeat.replaceKeys)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: heartbeat),
                    .init(service: node),
                    .init(service: control),
                    .init(service: keys),
                    .init(service: sync),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.notice("agent starting", metadata: ["agent.generation": "\(generation)", "peer.node": "\(ha.peerNode)"])
        try await group.run()
        logger.notice("agent stopped")
    }
}
