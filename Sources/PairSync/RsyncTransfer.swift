import Logging

/// Runs a round's rsync transfers and adds up their figures: the push round on the active and the pull round on a
/// starting standby share it.
struct RsyncTransfer: Sendable {
    /// The rsync program.
    let rsync: String
    /// The longest one transfer may take before it is killed and the round fails.
    let timeout: Duration
    let processes: ChildProcess
    let logger: Logger

    /// Runs one transfer and adds its figures to the round's.
    func run(
        _ arguments: [String], _ what: String, acceptVanishedFiles: Bool = false,
        progress: inout RsyncRound.Progress
    ) async throws(SyncError) {
        let statistics = try await rsync(arguments, what, acceptVanishedFiles: acceptVanishedFiles)
        progress.statistics = progress.statistics + statistics
    }

    /// Runs rsync; exit status 24 (files vanished while copying: tables dropped, temporary files removed) is
    /// normal for a running cluster's data directory and accepted where `acceptVanishedFiles`.
    private func rsync(
        _ arguments: [String], _ what: String, acceptVanishedFiles: Bool
    ) async throws(SyncError) -> RsyncStatistics {
        let outcome = try await processes.run(
            ChildProcess.Command(
                executable: rsync, arguments: arguments, environment: ["LC_ALL": "C"], timeout: timeout))
        switch outcome.exitStatus {
        case 0:
            return RsyncStatistics(parsing: outcome.output)
        case 24 where acceptVanishedFiles:
            logger.info("\(what): some files vanished while rsync copied them (normal for a running cluster)")
            return RsyncStatistics(parsing: outcome.output)
        default:
            throw SyncError(.transferFailed, "rsync failed \(what) (\(outcome.summary))")
        }
    }
}
