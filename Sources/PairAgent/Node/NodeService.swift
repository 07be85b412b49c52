import Logging
import NIOConcurrencyHelpers
import PairCore
import ServiceLifecycle

/// The node as a service: runs the state machine against the heartbeat, the resources, the guards, the clock and
/// the operator, and answers `status`.
///
/// One loop in `run()` takes the inputs (from `NodeInbox`) one at a time, so the machine sees them in the order
/// they happened; group operations, guards and timers run as child tasks of `run()`, post their results back to
/// the inbox, and end when it does. At graceful shutdown the machine stops every group it holds first (the
/// heartbeat service, started before this one, stops after it, so the release is announced).
public final class NodeService: Service, NodeControl {
    private let settings: NodeSettings
    private let persisted: PersistedNodeState
    private let peerGeneration: UInt64
    private let inbox: NodeInbox
    private let heartbeat: HeartbeatService
    private let runners: [GroupRunner]
    private let guards: any GuardRunner
    private let store: NodeStateStore
    private let dataDirectories: [String: String]
    private let logger: Logger
    private let published: NIOLockedValueBox<NodeView>

    /// A node for `configuration`, whose persisted state is `persisted`, fed by `inbox` (which the heartbeat
    /// service's observer posts to), acting through `runners` (one per haresources group) and `guards`.
    public init(
        configuration: PairConfiguration, persisted: PersistedNodeState, peerGeneration: UInt64 = 0, inbox: NodeInbox,
        heartbeat: HeartbeatService, runners: [GroupRunner], guards: any GuardRunner, logger: Logger
    ) {
        self.settings = NodeSettings(configuration: configuration)
        self.persisted = persisted
        self.peerGeneration = peerGeneration
        self.inbox = inbox
        self.heartbeat = heartbeat
        self.runners = runners
        self.guards = guards
        self.store = NodeStateStore(directory: configuration.ha.agent.stateDirectory)
        var directories: [String: String] = [:]
        for group in configuration.resources.groups {
            for resource in group.resources {
                if case .postgres(let directory) = resource.kind { directories[group.name] = directory }
            }
        }
        self.dataDirectories = directories
        self.logger = logger
        self.published = NIOLockedValueBox(
            NodeView(NodeStateMachine<ContinuousClock.Instant>(settings: settings, persisted: persisted)))
    }

    /// The settings this version cannot act on yet, as a reason to refuse to start; nil when it can run. Every
    /// guard the configuration can ask for runs now (ping targets, `fence command`, `fence ssh`, the
    /// duplicate-address check), so nothing is refused.
    public static func unsupportedSettings(_ configuration: PairConfiguration) -> String? {
        nil
    }

    public func run() async throws {
        await stopStrayGroups()
        let heartbeat = self.heartbeat
        let published = self.published
        let loop = NodeLoop(
            machine: NodeStateMachine(settings: settings, persisted: persisted), inbox: inbox,
            runners: Dictionary(runners.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            guards: guards, store: store, dataDirectories: dataDirectories, logger: logger,
            announce: { announcement, now in heartbeat.announce(announcement, now: now) })
        loop.peerGenerationStored = peerGeneration
        logger.notice(
            "node starting",
            metadata: [
                "node.epoch": "\(persisted.epoch)",
                "node.marker": "\(persisted.marker.map { "\($0)" } ?? "none")",
            ])
        let inbox = self.inbox
        await withGracefulShutdownHandler {
            await loop.run { view in published.withLockedValue { $0 = view } }
        } onGracefulShutdown: {
            inbox.post(.shutdown)
        }
    }

    /// Groups found running at start (the agent was killed while active) are stopped: a node starts holding
    /// nothing, and the state machine decides from there.
    private func stopStrayGroups() async {
        for runner in runners {
            let states = await runner.states()
            let runningResources = states.filter { if case .success(.running) = $0.state { true } else { false } }
            guard !runningResources.isEmpty else { continue }
            logger.warning(
                "group found running at agent start; stopping it, the node starts holding nothing",
                metadata: [
                    "resource.group": "\(runner.name)",
                    "resource.running": "\(runningResources.map(\.name).joined(separator: " "))",
                ])
            if case .failed(let reason) = await runner.stop() {
                logger.error(
                    "stray group failed to stop",
                    metadata: ["resource.group": "\(runner.name)", "resource.error": "\(reason)"])
            }
        }
    }

    public func status() async -> NodeStatus {
        var status = heartbeat.status()
        let view = published.withLockedValue { $0 }
        status.role = view.role
        status.blockedReason = view.blockedReason
        status.blockNeedsOperator = view.blockNeedsOperator
        status.epoch = view.epoch
        status.resources = view.groups
        status.ping = view.ping
        return status
    }

    public func request(_ request: OperatorRequest) async -> OperatorReply {
        await withCheckedContinuation { continuation in
            let posted = inbox.post(
                .operatorRequest(request, reply: { reply in continuation.resume(returning: reply) }))
            if !posted {
                continuation.resume(returning: .refused(OperatorRefusal.shuttingDown.description))
            }
        }
    }
}
