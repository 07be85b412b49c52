import ArgumentParser
import Logging
import PairAgent
import PairCore
import PairSync

/// `pgpair sync --publish`, run by rsyncd's `post-xfer exec` on the standby after each transfer into the
/// staging module: publishes the staging copy once its completion marker is there, under the standby's sync
/// lock (the agent, when one runs, publishes too; whichever comes first does it, the other finds nothing).
struct PublishStaging {
    let configuration: PairConfiguration
    let logger: Logger
    /// Print nothing unless publishing fails.
    let quiet: Bool

    func run() async throws {
        if let status = SystemFacts.environment("RSYNC_EXIT_STATUS"), status != "0" {
            logger.info("transfer into staging ended with status \(status); nothing to publish")
            return
        }
        guard let publisher = SnapshotPublisher(configuration: configuration.ha, logger: logger) else {
            StandardStreams.error("pgpair sync --publish: snapshot_dir is not set in ha.cf\n")
            throw ExitCode.failure
        }
        do {
            if let snapshot = try await publisher.publishIfComplete(patience: .seconds(30)), !quiet {
                StandardStreams.out("pgpair sync: published \(snapshot.name)\n")
            }
        } catch {
            StandardStreams.error("pgpair sync --publish: \(error)\n")
            throw ExitCode.failure
        }
    }
}
