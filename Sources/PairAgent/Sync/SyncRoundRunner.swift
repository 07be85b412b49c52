import Foundation
import Logging
import PairCore
import PairSync

/// One sync round as `pgpair sync` and the agent's `sync_interval` run it, by the same code: the sync lock, the
/// free-disk check, the round itself, and its record written durably in `state_dir`.
///
/// The caller has decided that this node is the side that syncs (``SyncSide``).
public struct SyncRoundRunner: Sendable {
    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// The round ran (or failed before its transfer); its record is in `state_dir` unless `recordError` says
        /// why it could not be written.
        case finished(SyncRecord, recordError: String?)
        /// Another round holds the lock (`sync already active`); nothing was done.
        case busy
    }

    /// The least free space a round starts with on the file system it fills: the active's `pgdata` (the WAL
    /// the round's slot keeps while it runs) for rsync, `snapshot_dir` for pg_dumpall (which also needs the
    /// newest snapshot's size, for the cluster it restores).
    public static let minimumFreeBytes: Int64 = 256 << 20

    /// The configuration.
    public var configuration: PairConfiguration
    /// Where the round logs (syslog as ha.cf says, through the caller's logging setup).
    public var logger: Logger
    /// Extra rsync options (`pgpair sync --bwlimit`).
    public var extraRsyncOptions: [String]
    /// The floor of the free-disk check (tests raise it to see a round refused).
    var minimumFree = SyncRoundRunner.minimumFreeBytes

    /// A runner.
    public init(configuration: PairConfiguration, logger: Logger, extraRsyncOptions: [String] = []) {
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "peer.node"] = "\(configuration.ha.peerNode)"
        self.logger = logger
        self.extraRsyncOptions = extraRsyncOptions
    }

    /// Runs one round under the lock. The snapshot's marker records whose data it is: this node's `epoch` when
    /// it pushes (rsync), the peer's `peerEpoch` when it pulls (pg_dumpall); nil when unknown.
    public func run(epoch: UInt64?, peerEpoch: UInt64?) async -> Outcome {
        let lockfile = configuration.ha.sync.lockfile
        let lock: SyncLock
        do throws(SyncError) {
            lock = try SyncLock(path: lockfile)
        } catch {
            if error.code == .busy {
                logger.notice("\(SyncError.busyMessage)", metadata: ["sync.lockfile": "\(lockfile)"])
                return .busy
            }
            return finish(failed(error.code.rawValue, error.message, startedAt: Date()))
        }
        let outcome = await runLocked(epoch: epoch, peerEpoch: peerEpoch)
        lock.release()
        return outcome
    }

    private func runLocked(epoch: UInt64?, peerEpoch: UInt64?) async -> Outcome {
        let sync = configuration.ha.sync
        logger.notice(
            "syncing database with \(configuration.ha.peerNode)",
            metadata: ["sync.method": "\(sync.method?.rawValue ?? "none")"])
        let started = Date()
        if let shortage = diskShortage() {
            return finish(failed("insufficient_disk", shortage, startedAt: started))
        }
        switch sync.method {
        case .rsync:
            guard var settings = RsyncRoundSettings(configuration: configuration.ha, epoch: epoch) else {
                return finish(
                    failed(
                        SyncError.Code.notConfigured.rawValue, "sync_method rsync needs pgdata and rsync_target",
                        startedAt: started))
            }
            settings.extraRsyncOptions += extraRsyncOptions
            return finish(await RsyncRound(settings: settings, logger: logger).run(), loggedByRound: true)
        case .pgDumpall:
            guard let settings = DumpallRoundSettings(configuration: configuration.ha, epoch: peerEpoch) else {
                return finish(
                    failed(
                        SyncError.Code.notConfigured.rawValue,
                        "sync_method pg_dumpall needs dumpall_source and snapshot_dir", startedAt: started))
            }
            return finish(await DumpallRound(settings: settings, logger: logger).run(), loggedByRound: true)
        case nil:
            return finish(
                failed(SyncError.Code.notConfigured.rawValue, "sync_method is not set", startedAt: started))
        }
    }

    /// Why the disk is too full for a round; nil when there is room.
    func diskShortage() -> String? {
        let ha = configuration.ha
        let path: String?
        var needed = minimumFree
        switch ha.sync.method {
        case .rsync:
            path = ha.postgres.dataDirectory
        case .pgDumpall:
            path = ha.sync.snapshotDirectory
            let store = ha.sync.snapshotDirectory.map { SnapshotStore(directory: $0, owner: ha.postgres.user) }
            if let newest = (try? store?.newest()) ?? nil, let size = DiskSpace.usedBytes(under: newest.path) {
                needed = max(needed, size)
            }
        case nil:
            path = nil
        }
        guard let path, let free = DiskSpace.freeBytes(at: path) else { return nil }
        guard free < needed else { return nil }
        return "only \(SyncStatus.bytes(free)) free on the file system of \(path); a round needs at least "
            + "\(SyncStatus.bytes(needed)); free some space (see docs/sync.md, \"Disk space\")"
    }

    private func failed(_ code: String, _ message: String, startedAt: Date) -> SyncRecord {
        SyncRecord(
            method: configuration.ha.sync.method?.rawValue ?? "none", round: RsyncRound.newRoundID(now: startedAt),
            outcome: .failed, errorCode: code, message: message, startedAt: startedAt, finishedAt: Date())
    }

    /// Writes the record; logs the result unless the round has logged it itself.
    private func finish(_ record: SyncRecord, loggedByRound: Bool = false) -> Outcome {
        if !loggedByRound {
            logger.error(
                "sync round failed: \(record.message ?? "")",
                metadata: [
                    "sync.round": "\(record.round)", "sync.bytes": "\(record.bytes)",
                    "sync.seconds": "\(Int(record.durationSeconds.rounded()))", "sync.result": "failed",
                ])
        }
        do {
            try SyncRecordStore(directory: configuration.ha.agent.stateDirectory).save(record)
            return .finished(record, recordError: nil)
        } catch {
            logger.error("cannot record the sync round: \(error)", metadata: ["sync.round": "\(record.round)"])
            return .finished(record, recordError: "\(error)")
        }
    }
}
