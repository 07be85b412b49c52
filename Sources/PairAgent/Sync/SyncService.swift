import Foundation
import Logging
import NIOConcurrencyHelpers
import PairCore
import PairSync
import ServiceLifecycle

/// The agent's part in sync, once a second: publishes a complete staging copy (rsync; the standby's side),
/// tells the peer of this node's copy in the heartbeat, keeps the disk figures, and, when `sync_interval` is set,
/// runs a round on the side that syncs — the same ``SyncRoundRunner`` that `pgpair sync` uses, under the same
/// lock. Its figures make `status.sync`.
public final class SyncService: Service, Sendable {
    /// How often the service looks for a complete staging copy and refreshes the heartbeat's copy.
    static let tick: Duration = .seconds(1)
    /// How often `snapshot_dir`'s use is measured (also after each publish and round): a walk of the tree.
    static let diskRefresh: TimeInterval = 60

    private let configuration: PairConfiguration
    private let heartbeat: HeartbeatService
    private let node: any NodeControl
    private let logger: Logger
    private let records: SyncRecordStore
    private let publisher: SnapshotPublisher?
    private let postgresGroup: String?
    private let disk = NIOLockedValueBox(Disk())

    private struct Disk {
        var used: Int64?
        var free: Int64?
        var measuredAt: Date?
    }

    /// The service for `configuration`, telling the heartbeat of copies and asking `node` where it stands.
    public init(configuration: PairConfiguration, heartbeat: HeartbeatService, node: any NodeControl, logger: Logger) {
        self.configuration = configuration
        self.heartbeat = heartbeat
        self.node = node
        var logger = logger
        logger[metadataKey: "peer.node"] = "\(configuration.ha.peerNode)"
        self.logger = logger
        self.records = SyncRecordStore(directory: configuration.ha.agent.stateDirectory)
        self.publisher = SnapshotPublisher(configuration: configuration.ha, logger: logger)
        self.postgresGroup = configuration.resources.groups.first(where: \.holdsPostgres)?.name
    }

    /// The control socket's view: the node's status with `sync` added.
    var control: any NodeControl { SyncReportingNode(node: node, sync: self) }

    public func run() async throws {
        guard configuration.ha.sync.method != nil else {
            // A service that returns would end the agent: wait for the shutdown instead.
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            var lastRoundStart = self.records.lastRound()?.startedAt
            while !Task.isCancelled {
                let status = await self.node.status()
                await self.publishIfComplete()
                self.refreshDisk(force: false)
                self.heartbeat.keepCopy(self.report(for: status).copyStamp(epoch: status.epoch))
                if self.roundIsDue(lastRoundStart: lastRoundStart, status: status) {
                    lastRoundStart = Date()
                    await self.runRound(epoch: status.epoch, peerEpoch: status.peer.epoch)
                }
                try? await Task.sleep(for: Self.tick)
            }
        }
    }

    /// `status.sync` for the node whose status is `status`.
    func status(for status: NodeStatus) -> SyncStatus {
        report(for: status).status(now: Date())
    }

    private func report(for status: NodeStatus) -> SyncStatusReport {
        let ha = configuration.ha
        let figures = disk.withLockedValue { $0 }
        return SyncStatusReport(
            method: ha.sync.method, lockHeld: SyncLockProbe.isHeld(ha.sync.lockfile), lastRound: records.lastRound(),
            lastSuccess: records.lastSuccess(), newestSnapshot: (try? publisher?.store.newest()) ?? nil,
            runsPostgres: SyncSide.Position(status: status, postgresGroup: postgresGroup).runsPostgres,
            peerCopy: heartbeat.peerCopy, diskUsedBytes: figures.used, diskFreeBytes: figures.free)
    }

    private func roundIsDue(lastRoundStart: Date?, status: NodeStatus) -> Bool {
        let interval = configuration.ha.sync.interval
        guard interval > .zero else { return false }
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18
        if let lastRoundStart, Date().timeIntervalSince(lastRoundStart) < seconds { return false }
        let position = SyncSide.Position(status: status, postgresGroup: postgresGroup)
        return SyncSide.decide(method: configuration.ha.sync.method, position: position) == .runsRound
    }

    private func runRound(epoch: UInt64, peerEpoch: UInt64?) async {
        var logger = self.logger
        logger[metadataKey: "sync.trigger"] = "sync_interval"
        _ = await SyncRoundRunner(configuration: configuration, logger: logger).run(epoch: epoch, peerEpoch: peerEpoch)
        refreshDisk(force: true)
    }

    private func publishIfComplete() async {
        guard configuration.ha.sync.method == .rsync, let publisher, publisher.stagingIsComplete else { return }
        // An invalid copy is logged by the publisher and left for the next round to overwrite.
        if (try? await publisher.publishIfComplete()) != nil {
            refreshDisk(force: true)
        }
    }

    private func refreshDisk(force: Bool) {
        let now = Date()
        let due = disk.withLockedValue { figures in
            force || figures.measuredAt.map { now.timeIntervalSince($0) >= Self.diskRefresh } ?? true
        }
        guard due else { return }
        let ha = configuration.ha
        let used = ha.sync.snapshotDirectory.flatMap(DiskSpace.usedBytes(under:))
        let free = [ha.sync.snapshotDirectory, ha.postgres.dataDirectory].compactMap { $0 }.lazy
            .compactMap(DiskSpace.freeBytes(at:)).first
        disk.withLockedValue { $0 = Disk(used: used, free: free, measuredAt: now) }
    }
}
