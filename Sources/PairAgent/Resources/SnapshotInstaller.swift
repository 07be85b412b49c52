import Logging
import PairCore
import PairSync

/// The `pgsql` resource's real install step: before PostgreSQL starts, the newest copy this node may use — the
/// current data directory or the newest complete snapshot, by (epoch, checkpoint position) — is put in place
/// (``DataDirectoryInstall``); the replaced directory is set aside, never deleted. When the peer released the group
/// by handshake (a planned switchover: the peer is alive and stopped its cluster cleanly), the peer's data
/// directory is a candidate too, read through `rsync_source`; a peer whose PostgreSQL answers is a refusal. After a
/// takeover on the peer's death the peer is never contacted. Then the data directory's epoch is raised to the
/// node's epoch (the takeover this start belongs to, persisted before the start), since what PostgreSQL writes
/// from now on is that epoch's data. With no `snapshot_dir`, the directory is kept as it is and nothing is
/// recorded.
public struct SnapshotInstaller: DataDirectoryInstaller {
    /// ha.cf.
    public let configuration: HAConfiguration
    /// Where installs log.
    public let logger: Logger

    /// The installer for `configuration`.
    public init(configuration: HAConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public func installNewestCopy(into dataDirectory: String) async throws {
        try await installNewestCopy(into: dataDirectory, peerReleased: false)
    }

    public func installNewestCopy(into dataDirectory: String, peerReleased: Bool) async throws {
        guard configuration.sync.snapshotDirectory != nil else { return }
        let install = install(into: dataDirectory)
        let source = peerReleased ? PeerDataSource(configuration: configuration) : nil
        if peerReleased && source == nil {
            logger.warning(
                "the peer released the group, but without rsync_source its data directory is not a candidate",
                metadata: ["install.data_directory": "\(dataDirectory)"])
        }
        let report = try await run(install, purpose: .takeover, fetchingFrom: source)
        let epoch: UInt64
        do {
            epoch = try NodeStateStore(directory: configuration.agent.stateDirectory).load().epoch
        } catch {
            throw ResourceError(
                .actionFailed, "cannot read the node's epoch to record it in \(dataDirectory): \(error)")
        }
        do {
            try install.recordRunningEpoch(epoch)
        } catch {
            throw ResourceError(.actionFailed, "cannot record epoch \(epoch) in \(dataDirectory): \(error)")
        }
        logger.notice("\(report.summary)", metadata: ["install.data_directory": "\(dataDirectory)"])
    }

    /// `pgpair pull`: as the node starts, before PostgreSQL, installs the newest copy when it is newer than the data
    /// directory (never older): the newest local snapshot, and with `rsync_source` the peer's data directory when
    /// the peer's PostgreSQL does not answer and the copy says it was shut down cleanly. When the peer's PostgreSQL
    /// answers (with `sync_method rsync`), a pull round (``PullRound``) first fetches a fresh snapshot from its
    /// running cluster; a round that fails is reported in the line, not thrown, and the local rules decide as
    /// without it. A peer that cannot be reached leaves the local rules alone. Refused while a postmaster runs on
    /// `dataDirectory`. Returns the line saying what was done; throws a ``ResourceError`` saying why when refused or
    /// failed.
    public func pull(into dataDirectory: String) async throws -> String {
        if let running = PostmasterPID.running(dataDirectory: dataDirectory) {
            throw ResourceError(
                .actionFailed,
                "refused: PostgreSQL runs on \(dataDirectory) (postmaster PID \(running.pid)); a copy is installed only "
                    + "before it starts")
        }
        guard configuration.sync.snapshotDirectory != nil else {
            return "nothing to do: no snapshot_dir is configured"
        }
        let source = PeerDataSource(configuration: configuration)
        var fetched: PullRound.Fetch?
        if let settings = PullRoundSettings(configuration: configuration) {
            fetched = await PullRound(settings: settings, logger: logger).runIfPeerAnswers()
        }
        let summary = try await run(install(into: dataDirectory), purpose: .nodeStart, fetchingFrom: source).summary
        return fetched.map { "\($0.summary); \(summary)" } ?? summary
    }

    private func install(into dataDirectory: String) -> DataDirectoryInstall {
        DataDirectoryInstall(
            settings: InstallSettings(configuration: configuration, dataDirectory: dataDirectory), logger: logger)
    }

    private func run(
        _ install: DataDirectoryInstall, purpose: InstallPurpose, fetchingFrom source: PeerDataSource?
    ) async throws -> InstallReport {
        let report: InstallReport
        do {
            if let source {
                report = try await install.run(purpose: purpose, fetchingFrom: source)
            } else {
                report = try await install.run(purpose: purpose)
            }
        } catch {
            throw ResourceError(
                .actionFailed, "installing the newest copy into \(install.settings.dataDirectory) failed: \(error)")
        }
        if case .refuse = report.decision {
            throw ResourceError(.actionFailed, "\(install.settings.dataDirectory): \(report.summary)")
        }
        return report
    }
}
