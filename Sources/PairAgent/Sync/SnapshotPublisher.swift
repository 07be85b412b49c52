import Foundation
import Logging
import PairCore
import PairSync

/// Publishes a complete staging copy on the standby under the standby's own sync lock, so that the agent and
/// rsyncd's `post-xfer exec` (`pgpair sync --publish`) never publish at once.
public struct SnapshotPublisher: Sendable {
    /// The snapshot directory.
    public var store: SnapshotStore
    /// `snapshot_keep`.
    public var keep: Int
    /// `sync_lockfile`.
    public var lockfile: String
    /// Where it logs.
    public var logger: Logger

    /// A publisher for ha.cf's `snapshot_dir`; nil without one.
    public init?(configuration: HAConfiguration, logger: Logger) {
        guard let directory = configuration.sync.snapshotDirectory else { return nil }
        self.store = SnapshotStore(directory: directory, owner: configuration.postgres.user)
        self.keep = configuration.sync.snapshotKeep
        self.lockfile = configuration.sync.lockfile
        self.logger = logger
    }

    /// True when staging holds a completion marker: a round has finished and its copy waits to be published.
    public var stagingIsComplete: Bool {
        FileManager.default.fileExists(atPath: "\(store.stagingPath)/\(SnapshotMarker.fileName)")
    }

    /// Publishes staging when it is complete. Waits up to `patience` for the lock (another publisher holds it
    /// only for a moment); returns the new snapshot, nil when there was nothing to publish or the lock stayed
    /// busy. Throws what publishing threw (an invalid copy is not published, and the next round overwrites it).
    @discardableResult
    public func publishIfComplete(patience: Duration = .zero) async throws(SyncError) -> Snapshot? {
        guard stagingIsComplete else { return nil }
        let deadline = ContinuousClock.now + patience
        while true {
            do throws(SyncError) {
                let lock = try SyncLock(path: lockfile)
                let published = try publishLocked()
                lock.release()
                return published
            } catch {
                guard error.code == .busy else { throw error }
                guard ContinuousClock.now < deadline else {
                    logger.notice("staging copy not published now: \(SyncError.busyMessage)")
                    return nil
                }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func publishLocked() throws(SyncError) -> Snapshot? {
        do throws(SyncError) {
            guard let snapshot = try store.publishStaging(keep: keep) else { return nil }
            logger.notice(
                "snapshot published",
                metadata: [
                    "sync.snapshot": "\(snapshot.name)", "sync.round": "\(snapshot.marker.round)",
                    "sync.data_as_of": "\(SyncStatus.rfc3339(snapshot.dataAsOf))",
                ])
            return snapshot
        } catch {
            logger.error("staging copy not published: \(error.message)", metadata: ["sync.error": "\(error.code)"])
            throw error
        }
    }
}
