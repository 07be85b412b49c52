import Foundation
import Logging
import PairCore
import PairPostgres

/// Reads the peer's copy of the data for an install, under the sync lock: asks whether the peer's PostgreSQL
/// answers, and when it does not, pulls the peer's data directory through its read-only export into
/// `snapshot_dir/peer-copy`, hard-linking unchanged files to the newest snapshot (`--link-dest`) as a round does,
/// and describes it by its control data (``InstallCandidates``).
///
/// 1. A readiness ping (``PeerDataSource``) that answers — accepting or rejecting connections — means the peer's
///    cluster runs: nothing is copied.
/// 2. rsync pulls everything but `postmaster.pid` and `postmaster.opts`: a cleanly stopped cluster's `pg_wal`
///    holds its shutdown checkpoint, which it needs to start. A failure (the peer unreachable, no module) means no
///    copy, not a failed install.
/// 3. The ping again: a server that answers now may have written while rsync read, so the copy is dropped.
/// 4. A second rsync pass that changes nothing (`--dry-run --itemize-changes`) compares the copy with the peer's
///    directory by size and modification time to the nanosecond: any difference (a file written, added or
///    removed while the first pass read — a server that started and stopped again, an install on the peer
///    renaming its data directory) means a torn copy, which is dropped.
/// 5. The copy's control file decides the rest: ``CopyChoice`` takes a peer copy only when it says *shut down*.
struct PeerCopyFetch: Sendable {
    /// What the fetch found.
    enum Outcome: Sendable, Equatable {
        /// The peer's PostgreSQL answers: its data directory is in use.
        case answering
        /// No copy: the peer's export could not be read (why, for the log and the report).
        case unavailable(String)
        /// The peer's data directory, copied to `path` and described.
        case copied(path: String, candidate: CopyCandidate)
    }

    /// The name of the copy's directory under `snapshot_dir`; never taken for a snapshot or for staging.
    static let directoryName = "peer-copy"

    let source: PeerDataSource
    let store: SnapshotStore
    let binDirectory: String?
    let logger: Logger
    var processes = ChildProcess()

    /// Where the copy goes.
    var path: String { "\(store.directory)/\(Self.directoryName)" }

    /// Pings, copies, pings again, compares, describes (the steps above).
    func run() async throws(SyncError) -> Outcome {
        if await peerAnswers() { return .answering }
        let outcome = try await processes.run(
            ChildProcess.Command(
                executable: source.rsync, arguments: arguments(), environment: ["LC_ALL": "C"],
                timeout: source.transferTimeout))
        guard outcome.exitStatus == 0 else {
            removeCopy()
            return .unavailable("rsync could not copy \(source.location) (\(outcome.summary))")
        }
        if await peerAnswers() {
            removeCopy()
            return .answering
        }
        if let change = try await changeSinceCopy() {
            removeCopy()
            return .unavailable("the peer's data directory changed while it was copied (\(change))")
        }
        let candidate = await InstallCandidates.peer(path, binDirectory: binDirectory)
        return .copied(path: path, candidate: candidate)
    }

    /// What differs between the copy and the peer's directory now (the first itemized change), or nil when nothing
    /// does; a comparison that cannot be made counts as a difference.
    func changeSinceCopy() async throws(SyncError) -> String? {
        let outcome = try await processes.run(
            ChildProcess.Command(
                executable: source.rsync, arguments: comparisonArguments(), environment: ["LC_ALL": "C"],
                timeout: source.transferTimeout))
        guard outcome.exitStatus == 0 else { return "the comparison failed: \(outcome.summary)" }
        return outcome.output.split(whereSeparator: \.isNewline).first.map(String.init)
    }

    /// True when the peer's PostgreSQL answers the readiness ping (accepting connections, or refusing them while
    /// it starts, recovers or shuts down).
    func peerAnswers() async -> Bool {
        let conninfo = source.pingConninfo
        let readiness = await OwnThread.run { PostgresReadiness.ping(conninfo: conninfo) }
        switch readiness {
        case .accepting, .rejecting:
            return true
        case .noResponse:
            return false
        case .noAttempt:
            logger.warning(
                "the readiness ping of the peer's PostgreSQL cannot be made; its copy is judged by its control file",
                metadata: ["install.peer_source": "\(source.location)"])
            return false
        }
    }

    /// Removes the copy (after a failed or dropped pull, or once it is not installed). It is neither a data
    /// directory nor a snapshot: the peer keeps its own data directory.
    func removeCopy() {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            logger.warning(
                "cannot remove the copy of the peer's data directory",
                metadata: ["install.peer_copy": "\(path)", "install.error": "\(error)"])
        }
    }

    /// The pull's arguments: the whole directory but the postmaster's own files, times to the nanosecond, hard
    /// links to `latest` for unchanged files, a connect and an I/O timeout, the transport's options.
    func arguments() -> [String] {
        [
            "-a", "--delete", "--modify-window=-1", "--link-dest=../\(SnapshotStore.latestName)/", "--stats",
            "--no-human-readable",
        ] + shared()
    }

    /// The comparison's arguments: the same transfer as a dry run that lists every change it would make, one line
    /// each, and nothing else.
    func comparisonArguments() -> [String] {
        ["-a", "--delete", "--modify-window=-1", "--dry-run", "--itemize-changes"] + shared()
    }

    /// Timeouts, the transport, the excluded files, from the peer's directory into the copy.
    private func shared() -> [String] {
        var arguments = ["--timeout=60"]
        if source.location.hasPrefix("rsync://") || source.location.contains("::") {
            arguments.append("--contimeout=10")
        }
        arguments += RsyncArguments.transport(passwordFile: source.passwordFile, sshOptions: source.sshOptions)
        arguments += ["--exclude=/postmaster.pid", "--exclude=/postmaster.opts"]
        let from = source.location.hasSuffix("/") ? source.location : source.location + "/"
        return arguments + [from, path + "/"]
    }
}
