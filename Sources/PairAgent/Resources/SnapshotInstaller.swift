import Logging
import PairCore
import PairSync

/// The `pgsql` resource's real install step: before PostgreSQL starts, the newest copy this node may use — the
/// current data directory or the newest complete snapshot, by (epoch, checkpoint position) — is put in place
/// (``DataDirectoryInstall``); the replaced directory is set aside, never deleted. Then the data directory's
/// epoch is raised to the node's epoch (the takeover this start belongs to, persisted before the start), since
/// what PostgreSQL writes from now on is that epoch's data. With no `snapshot_dir`, the directory is kept as it is
/// and nothing is recorded.
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
        guard configuration.sync.snapshotDirectory != nil else { return }
        let install = install(into: dataDirectory)
        let report = try await run(install, purpose: .takeover)
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

    /// `pgpair pull`: as the node starts, before PostgreSQL, installs the newest local snapshot when it is newer
    /// than the data directory (never older). Refused while a postmaster runs on `dataDirectory`. Returns the line
    /// saying what was done; throws a ``ResourceError`` saying why when refused or failed.
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
        return try await run(install(into: dataDirectory), purpose: .nodeStart).summary
    }

    private func install(into dataDirectory: String) -> DataDirectoryInstall {
        DataDirectoryInstall(
            settings: InstallSettings(configuration: configuration, dataDirectory: dataDirectory), logger: logger)
    }

    private func run(_ install: DataDirectoryInstall, purpose: InstallPurpose) async throws -> InstallReport {
        let report: InstallReport
        do {
            report = try await install.run(purpose: purpose)
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
