import ArgumentParser
import Foundation
import Logging
import PairAgent
import PairCore
import PairSync

#if canImport(Glibc)
    import Glibc
#endif

/// `pgpair sync [--quiet]`: one sync round, as cron runs it, on the side that syncs.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run one sync round (as cron does), on the side that syncs.",
        discussion: """
            With rsync the active node pushes its copy; with pg_dumpall the standby pulls. Any other node prints \
            one line saying why it skips (nothing with --quiet) and exits 0. Which side this node is comes from \
            the local agent, or, when none answers, from whether this node holds the pgsql group's service \
            address. Exits 0 when the round is done or skipped, 75 when another round holds sync_lockfile \
            ("sync already active"), 1 when the round failed, 78 on a configuration error. The round is logged \
            as the agent logs (syslog, logfile) and recorded in state_dir. See docs/sync.md.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print nothing unless the round fails (for cron).")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Limit rsync's bandwidth in KiB per second (rsync's --bwlimit).", valueName: "kbps"))
    var bwlimit: Int?

    @Flag(help: .hidden)
    var publish = false

    func validate() throws {
        if let bwlimit, bwlimit <= 0 {
            throw ValidationError("--bwlimit needs a positive number of KiB per second.")
        }
    }

    func run() async throws {
        let outcome = ConfigurationLoader.load(configDirectory: options.configDirectory, nodeName: options.nodeName)
        for diagnostic in outcome.diagnostics where diagnostic.isError {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let configuration = outcome.configuration else { throw ExitStatus.configError }
        LoggingSystem.bootstrap(
            AgentLogging.makeFactory(
                settings: configuration.ha.logging, standardError: !quiet && isatty(STDERR_FILENO) == 1))
        var logger = Logger(label: "pgpair.sync")
        logger[metadataKey: "node"] = "\(configuration.ha.localNode)"
        if publish {
            try await PublishStaging(configuration: configuration, logger: logger, quiet: quiet).run()
            return
        }
        let position = try await SyncPosition(configuration: configuration, logger: logger).find()
        switch SyncSide.decide(method: configuration.ha.sync.method, position: position.side) {
        case .skips(let reason):
            if !quiet { StandardStreams.out("pgpair sync: skipped: \(reason)\n") }
        case .runsRound:
            let runner = SyncRoundRunner(
                configuration: configuration, logger: logger,
                extraRsyncOptions: bwlimit.map { ["--bwlimit=\($0)"] } ?? [])
            try report(
                await runner.run(epoch: position.epoch, peerEpoch: position.peerEpoch), peer: configuration.ha.peerNode)
        }
    }

    private func report(_ outcome: SyncRoundRunner.Outcome, peer: String) throws {
        switch outcome {
        case .busy:
            if !quiet { StandardStreams.error("pgpair sync: \(SyncError.busyMessage)\n") }
            throw ExitStatus.temporaryFailure
        case .finished(let record, let recordError):
            let seconds = (record.durationSeconds * 10).rounded() / 10
            guard record.outcome == .succeeded else {
                StandardStreams.error(
                    "pgpair sync: round \(record.round) with \(peer) failed after \(seconds) s: "
                        + "\(record.errorCode ?? "failed"): \(record.message ?? "no reason given")\n")
                throw ExitCode.failure
            }
            if let recordError {
                StandardStreams.error("pgpair sync: the round succeeded but cannot be recorded: \(recordError)\n")
                throw ExitCode.failure
            }
            if !quiet {
                StandardStreams.out(
                    "pgpair sync: round \(record.round) with \(peer) succeeded: \(record.bytes) bytes in "
                        + "\(seconds) s\n")
            }
        }
    }
}
