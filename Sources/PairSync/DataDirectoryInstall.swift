import Foundation
import Logging
import PairCore

#if canImport(Glibc)
    import Glibc
#endif

/// Installs the newest copy of the data this node may use into the data directory, before PostgreSQL starts on it
/// (the `pgsql` resource's start, and `pgpair pull`): compares the current data directory with the newest complete
/// snapshot — and, for a peer known to be alive, the peer's cleanly stopped data directory (``PeerCopyFetch``) — by
/// (epoch, checkpoint position) through ``CopyChoice``, and moves a newer copy into place.
///
/// Installing a snapshot, under the sync lock (no publish or prune meanwhile); the copy of the peer's data directory
/// (`snapshot_dir/peer-copy`, hard-linked to the newest snapshot) is installed the same way:
/// 1. The snapshot gets its own copy of every file it shares through hard links (``InstallOwnCopies``), in place:
///    until step 3 it is still a whole, valid snapshot.
/// 2. The data directory is renamed aside to `PGDATA.replaced-UTCTIME` (never deleted).
/// 3. The snapshot is renamed to `PGDATA`, given to `pg_user` with mode 0700, and its epoch recorded in it.
/// 4. It is no longer a snapshot: `latest` is pointed at the newest one that remains (removed when none does).
///
/// When `snapshot_dir` and the data directory are on different file systems, a rename cannot move the snapshot:
/// it is copied (`cp -a`) beside the data directory instead, and stays a snapshot.
public struct DataDirectoryInstall: Sendable {
    /// The settings.
    public var settings: InstallSettings
    /// Where the install logs.
    public var logger: Logger

    /// An install.
    public init(settings: InstallSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Decides and carries out the decision. A refusal is returned, not thrown (the caller fails with its
    /// reason); a failure while installing throws, leaving either the old data directory or the whole new one at
    /// `PGDATA` (a failure between the two renames puts the old one back).
    public func run(purpose: InstallPurpose, peer: PeerCopy = .unknown) async throws(SyncError) -> InstallReport {
        try await run(purpose: purpose, peer: peer, fetchingFrom: nil)
    }

    /// As `run(purpose:peer:)`, with the peer's data directory among the candidates: under the sync lock, asks
    /// whether the peer's PostgreSQL answers and, when it does not, copies the peer's data directory from `source`
    /// (``PeerCopyFetch``). A peer that answers is a refusal at a takeover; at a node's start, and when the peer's
    /// export cannot be read, the local rules alone decide. Only for a peer known to be alive: the handshake of a
    /// planned switchover, `pgpair pull`; never after the peer's death.
    public func run(purpose: InstallPurpose, fetchingFrom source: PeerDataSource) async throws(SyncError)
        -> InstallReport
    {
        try await run(purpose: purpose, peer: .unknown, fetchingFrom: source)
    }

    private func run(
        purpose: InstallPurpose, peer: PeerCopy, fetchingFrom source: PeerDataSource?
    ) async throws(SyncError) -> InstallReport {
        guard let snapshotDirectory = settings.snapshotDirectory else {
            return InstallReport(decision: .keep(reason: "no snapshot_dir is configured"))
        }
        let store = SnapshotStore(directory: snapshotDirectory, owner: settings.owner)
        let fetch = source.map {
            PeerCopyFetch(source: $0, store: store, binDirectory: settings.binDirectory, logger: logger)
        }
        let lock = try await takeLock()
        let report: InstallReport
        do {
            report = try await decideAndInstall(store: store, purpose: purpose, peer: peer, fetch: fetch)
        } catch {
            fetch?.removeCopy()
            lock.release()
            throw error
        }
        fetch?.removeCopy()
        lock.release()
        return report
    }

    private func decideAndInstall(
        store: SnapshotStore, purpose: InstallPurpose, peer: PeerCopy, fetch: PeerCopyFetch?
    ) async throws(SyncError) -> InstallReport {
        var peer = peer
        var peerNote: String?
        var peerCopy: String?
        if let fetch {
            switch try await fetch.run() {
            case .answering:
                peer = .answering
                peerNote = "the peer's PostgreSQL answers, so its data directory is in use and was not copied"
            case .unavailable(let reason):
                peerNote = "no copy of the peer's data directory: \(reason)"
                logger.warning("\(peerNote ?? "")", metadata: ["install.peer_source": "\(fetch.source.location)"])
            case .copied(let path, let candidate):
                peer = .stopped(candidate)
                peerCopy = path
                peerNote = Self.describe(candidate)
            }
        }
        let newest = FileManager.default.fileExists(atPath: store.directory) ? try store.newest() : nil
        let current = await InstallCandidates.current(settings.dataDirectory, binDirectory: settings.binDirectory)
        let offered: CopyCandidate? =
            if let newest { await InstallCandidates.snapshot(newest, binDirectory: settings.binDirectory) } else { nil }
        let decision = CopyChoice.decide(current: current, snapshot: offered, peer: peer, purpose: purpose)
        guard case .install(let chosen, _) = decision else {
            return InstallReport(decision: decision, peerNote: peerNote)
        }
        var report: InstallReport
        switch chosen.source {
        case .snapshot:
            guard let newest else { throw Self.unknownChoice(chosen) }
            report = try await install(newest.placed, decision: decision, store: store)
        case .peer:
            guard let peerCopy else { throw Self.unknownChoice(chosen) }
            let placed = PlacedCopy(
                name: "the peer's data directory", path: peerCopy, epoch: chosen.rank.epoch, isSnapshot: false)
            report = try await install(placed, decision: decision, store: store)
        case .current:
            throw Self.unknownChoice(chosen)
        }
        report.peerNote = peerNote
        return report
    }

    /// What the copy of the peer's data directory is, for the report.
    private static func describe(_ copy: CopyCandidate) -> String {
        let state =
            switch copy.state {
            case .shutDown: "shut down cleanly"
            case .backup: "a base backup, never used"
            case .crashed: "not shut down cleanly, never used"
            }
        return copy.isComplete
            ? "the peer's data directory (\(copy.rank)) is \(state)"
            : "the peer's data directory has no readable control file, never used"
    }

    private static func unknownChoice(_ chosen: CopyCandidate) -> SyncError {
        SyncError(.notConfigured, "\(chosen.source) was chosen, but it is not a copy this install holds")
    }

    /// Raises the data directory's recorded epoch to `epoch`: PostgreSQL is about to run on it as the `pgsql`
    /// resource of that takeover, so what it writes from now on is that epoch's data. The marker an installed
    /// snapshot brought along is removed then (its epoch is kept in the record): from now on the directory's
    /// position is its own control file's, not the copy's.
    public func recordRunningEpoch(_ epoch: UInt64) throws(SyncError) {
        let directory = settings.dataDirectory
        guard FileManager.default.fileExists(atPath: "\(directory)/PG_VERSION") else { return }
        try DataDirectoryEpoch.record(epoch, in: directory, owner: settings.owner)
        let marker = "\(directory)/\(SnapshotMarker.fileName)"
        if FileManager.default.fileExists(atPath: marker) {
            guard unlink(marker) == 0 else {
                throw SyncError(.fileSystem, "cannot remove \(marker): \(String(cString: strerror(errno)))")
            }
            SnapshotStore.syncDirectory(directory)
        }
    }

    /// The sync lock, waited for up to `lockWait` (a publish or a round that is finishing).
    private func takeLock() async throws(SyncError) -> SyncLock {
        do {
            return try await SyncLock.waiting(path: settings.lockfile, upTo: settings.lockWait)
        } catch  where error.code == .cancelled {
            throw SyncError(.cancelled, "the install was cancelled while waiting for the sync lock")
        }
    }
}
