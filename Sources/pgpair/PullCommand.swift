import ArgumentParser
import Logging
import PairAgent
import PairCore

/// `pgpair pull`: bring the local data up to date before PostgreSQL starts (the init script, systemd's
/// `ExecStartPre`), while no agent runs.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring the local data up to date before PostgreSQL starts (init script, ExecStartPre).",
        discussion: """
            Installs the newest complete snapshot in snapshot_dir into the pgsql resource's data directory when it \
            is newer than the data directory by (epoch, checkpoint position), never an older one; the replaced \
            directory is set aside as PGDATA.replaced-UTCTIME, never deleted. With rsync_source, the peer's data \
            directory is a candidate too when the peer's PostgreSQL does not answer and its copy was shut down \
            cleanly. When the peer's PostgreSQL answers (sync_method rsync), a fresh snapshot is first fetched \
            from its running cluster with the backup API (a pull round); a round that fails is reported in the \
            line and the local copies decide, as when the peer cannot be reached. Refused while a pgpair agent \
            answers on control_socket or PostgreSQL runs on the data directory. Exits 0 when done or when there \
            is nothing to do (a failed pull round included), 1 when refused or failed, 78 on a configuration \
            error. See docs/sync.md.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let outcome = ConfigurationLoader.load(configDirectory: options.configDirectory, nodeName: options.nodeName)
        for diagnostic in outcome.diagnostics where diagnostic.isError {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let configuration = outcome.configuration else { throw ExitStatus.configError }
        guard let dataDirectory = Self.dataDirectory(configuration) else {
            StandardStreams.out("pgpair pull: nothing to do: no pgsql resource and no pgdata\n")
            return
        }
        try await refuseWhileAnAgentRuns(socket: configuration.ha.agent.controlSocket)
        let logger = Logger(label: "pgpair.pull") { _ in StreamLogHandler.standardError(label: "pgpair.pull") }
        do {
            let line = try await SnapshotInstaller(configuration: configuration.ha, logger: logger).pull(
                into: dataDirectory)
            StandardStreams.out("pgpair pull: \(line)\n")
        } catch {
            StandardStreams.error("pgpair pull: \((error as? ResourceError)?.message ?? "\(error)")\n")
            throw ExitCode.failure
        }
    }

    /// The data directory of the pgsql resource (its argument, else `pgdata`); `pgdata` when no group has one.
    static func dataDirectory(_ configuration: PairConfiguration) -> String? {
        for group in configuration.resources.groups {
            for resource in group.startOrder {
                if case .postgres(let dataDirectory) = resource.kind { return dataDirectory }
            }
        }
        return configuration.ha.postgres.dataDirectory
    }

    /// Exit 1 when an agent (or anything) answers on the control socket: it owns the data directory.
    private func refuseWhileAnAgentRuns(socket: String) async throws {
        do {
            _ = try await ControlClient(path: socket).send(.status)
        } catch let error as ControlSocketError where error.code == .noAgent {
            return
        } catch {
            // Something answers, if not in a way we understand: still not ours to touch.
        }
        StandardStreams.error(
            "pgpair pull: refused: a pgpair agent answers on \(socket); it installs copies itself when it starts "
                + "PostgreSQL. Stop the agent first.\n")
        throw ExitCode.failure
    }
}
