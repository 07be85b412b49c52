import Foundation
import Logging
import PairCore

/// ``PostgresControl`` that runs the `postgres` server itself, as `pg_user`, with node-specific settings on the
/// command line (`-p pg_port` and `pg_options`), not through `pg_ctl`: `pg_ctl -w` polls coarsely, and `pg_ctl -o`
/// hands the options to a shell.
///
/// Start spawns the postmaster (in a process group of its own, its output appended to `logFile`) and pings it
/// every `pollInterval` until it accepts connections and its `postmaster.pid` says `ready`; it fails as soon as the
/// postmaster exits (a port in use, a bad option: the message quotes the end of its log), or when `timeout` passes
/// (then the postmaster is shut down at once). Stop sends SIGINT (fast shutdown), SIGQUIT (immediate) after
/// `fastShutdownTimeout`, and fails if the postmaster still runs at `timeout`. The postmaster is found through
/// `postmaster.pid` and `/proc`, so the agent, a later `pgpair resource`, or a restarted agent all see the same
/// cluster.
public struct ServerPostgresControl: PostgresControl {
    /// What the control needs besides the data directory.
    public struct Options: Sendable {
        /// Where `postgres` is (`pg_bindir`).
        public var binDirectory: String
        /// `pg_port`.
        public var port: UInt16
        /// `pg_user`: the operating-system user the server runs as (when pgpair runs as root).
        public var user: String
        /// `pg_options`, one argument each.
        public var serverOptions: [String]
        /// The file the server's output is appended to (created when missing).
        public var logFile: String
        /// `resource_timeout`: the longest a start or a stop may take.
        public var timeout: Duration
        /// How long a fast shutdown may take before it becomes immediate.
        public var fastShutdownTimeout: Duration
        /// How often a starting server is pinged and a stopping one looked at.
        public var pollInterval: Duration

        /// Options from the configuration's PostgreSQL settings.
        public init(
            settings: PostgresSettings, logFile: String, timeout: Duration, fastShutdownTimeout: Duration? = nil,
            pollInterval: Duration = .milliseconds(25)
        ) {
            self.binDirectory = settings.binDirectory ?? Self.searchPath(for: "postgres") ?? "/usr/bin"
            self.port = settings.port
            self.user = settings.user
            self.serverOptions = settings.serverOptions
            self.logFile = logFile
            self.timeout = timeout
            self.fastShutdownTimeout = fastShutdownTimeout ?? timeout / 2
            self.pollInterval = pollInterval
        }

        /// The directory on `PATH` that holds `program`.
        static func searchPath(for program: String) -> String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            return path.split(separator: ":").map(String.init).first {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
            }
        }
    }

    private let options: Options
    private let probe: any PostgresProbe
    private let logger: Logger

    /// A control with `options`, watching readiness and health through `probe`.
    public init(options: Options, probe: any PostgresProbe, logger: Logger) {
        self.options = options
        self.probe = probe
        self.logger = logger
    }

    public func start(dataDirectory: String) async throws {
        let deadline = ContinuousClock.now + options.timeout
        if let running = PostmasterPID.running(dataDirectory: dataDirectory) {
            try await waitUntilReady(pid: running.pid, process: nil, dataDirectory: dataDirectory, deadline: deadline)
            return
        }
        guard FileManager.default.fileExists(atPath: "\(dataDirectory)/PG_VERSION") else {
            throw ResourceError(
                .misconfigured, "\(dataDirectory) holds no PostgreSQL cluster (no PG_VERSION); check pgdata")
        }
        let log = try ServerLog(path: options.logFile, owner: options.user)
        let process = try spawn(dataDirectory: dataDirectory, log: log)
        let pid = process.processIdentifier
        do {
            try await waitUntilReady(pid: pid, process: process, dataDirectory: dataDirectory, deadline: deadline)
            logger.info("postgres ready", metadata: ["postgres.pid": "\(pid)", "postgres.pgdata": "\(dataDirectory)"])
        } catch {
            await shutDownAfterFailedStart(pid: pid)
            if let failure = error as? ResourceError {
                throw ResourceError(failure.code, failure.message + log.tail(prefix: "; its log ends: "))
            }
            throw error
        }
    }

    public func stop(dataDirectory: String) async throws {
        guard let running = PostmasterPID.running(dataDirectory: dataDirectory) else { return }
        let start = ContinuousClock.now
        kill(running.pid, SIGINT)
        if await waitForExit(running.pid, until: start + options.fastShutdownTimeout) { return }
        logger.warning(
            "postgres fast shutdown too slow, shutting down immediately",
            metadata: ["postgres.pid": "\(running.pid)", "postgres.pgdata": "\(dataDirectory)"])
        kill(running.pid, SIGQUIT)
        if await waitForExit(running.pid, until: start + options.timeout) { return }
        throw ResourceError(
            .timedOut,
            "PostgreSQL (pid \(running.pid)) on \(dataDirectory) still runs \(options.timeout) after the shutdown "
                + "request, immediate shutdown included; look at its log and the processes of \(options.user)")
    }

    public func status(dataDirectory: String) async throws -> ResourceState {
        guard let running = PostmasterPID.running(dataDirectory: dataDirectory) else { return .stopped }
        do {
            try await probe.selectOne()
        } catch {
            throw ResourceError(
                .statusUnknown,
                "PostgreSQL (pid \(running.pid)) runs on \(dataDirectory) but does not answer: "
                    + GroupRunner.describe(error))
        }
        return .running
    }

    /// Pings until the server accepts connections; fails when its postmaster is gone or the deadline passes.
    private func waitUntilReady(pid: Int32, process: Process?, dataDirectory: String, deadline: ContinuousClock.Instant)
        async throws
    {
        while true {
            let ping = await probe.ping()
            // A server that answers must be ours, and ours must say it is ready: another server on the same socket
            // or port answers too, while ours is still starting (and about to fail on the taken socket).
            let file = PostmasterPID.read(dataDirectory: dataDirectory)
            let ours = file?.pid == pid && file?.status == "ready" && PostmasterPID.isPostgres(pid)
            if let process, !process.isRunning {
                throw ResourceError(
                    .actionFailed,
                    "PostgreSQL exited during start (exit status \(process.terminationStatus))")
            }
            if process == nil, !PostmasterPID.isPostgres(pid) {
                throw ResourceError(.actionFailed, "PostgreSQL (pid \(pid)) ended while starting")
            }
            if ping == .accepting, ours { return }
            if ping == .noAttempt {
                throw ResourceError(.misconfigured, "pg_conninfo cannot be used to connect; check its syntax")
            }
            guard ContinuousClock.now < deadline else {
                throw ResourceError(
                    .timedOut, "PostgreSQL did not accept connections within resource_timeout (\(options.timeout))")
            }
            try await Task.sleep(for: options.pollInterval)
        }
    }

    /// After a failed or cancelled start nothing may be left running: immediate shutdown, then SIGKILL. It runs
    /// in a task of its own so that a cancelled start still waits for the postmaster to go.
    private func shutDownAfterFailedStart(pid: Int32) async {
        let interval = options.pollInterval
        await Task.detached {
            guard PostmasterPID.isPostgres(pid) else { return }
            kill(pid, SIGQUIT)
            let deadline = ContinuousClock.now + .seconds(10)
            while PostmasterPID.isPostgres(pid), ContinuousClock.now < deadline {
                try? await Task.sleep(for: interval)
            }
            if PostmasterPID.isPostgres(pid) { kill(pid, SIGKILL) }
        }.value
    }

    /// Polls until `pid` has ended; false when `deadline` passes first or the task is cancelled.
    private func waitForExit(_ pid: Int32, until deadline: ContinuousClock.Instant) async -> Bool {
        while PostmasterPID.isPostgres(pid) {
            guard ContinuousClock.now < deadline else { return false }
            do { try await Task.sleep(for: options.pollInterval) } catch { return !PostmasterPID.isPostgres(pid) }
        }
        return true
    }

    /// Starts the postmaster as `pg_user`; it runs on after this process ends.
    private func spawn(dataDirectory: String, log: ServerLog) throws -> Process {
        let server = "\(options.binDirectory)/postgres"
        let serverArguments = ["-D", dataDirectory, "-p", "\(options.port)"] + options.serverOptions
        let process = Process()
        if geteuid() == 0 {
            guard let account = getpwnam(options.user)?.pointee else {
                throw ResourceError(.misconfigured, "pg_user \(options.user) is not a user on this system")
            }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                [
                    "--reuid=\(account.pw_uid)", "--regid=\(account.pw_gid)", "--init-groups", "--reset-env", "--",
                    server,
                ]
                + serverArguments
        } else {
            process.executableURL = URL(fileURLWithPath: server)
            process.arguments = serverArguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log.handle
        process.standardError = log.handle
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        do {
            try process.run()
        } catch {
            throw ResourceError(.spawnFailed, "cannot start \(server): \(error.localizedDescription)")
        }
        return process
    }
}
