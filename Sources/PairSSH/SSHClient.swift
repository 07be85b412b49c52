import Logging

/// Runs commands on a host over ssh through libssh2: public-key authentication, the host's key checked strictly
/// against a known_hosts file before anything is sent, exit status and output captured. See docs/guards.md.
///
/// Each call is one connection, on a thread of its own (libssh2 and the name lookup are C calls, kept off the
/// cooperative pool); the exchange is non-blocking and bounded by its timeout, and ends soon after the calling
/// task is cancelled.
public struct SSHClient: Sendable {
    /// The default output limit: enough for an error report, not for a runaway command.
    public static let defaultOutputLimit = 16 * 1024

    private let logger: Logger

    /// A client that logs each exchange's steps at debug level.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs in to `destination` with `credentials` and runs `command` there (as the login user's shell runs it).
    /// A non-zero exit is a result, not an error.
    ///
    /// Throws `SSHError` when the command could not be run — the host key not in known_hosts or different from
    /// it (then nothing was sent to the host), the key refused, the connection broken, the timeout passed — and
    /// `CancellationError` when the task is cancelled.
    public func run(
        _ command: String, on destination: SSHDestination, credentials: SSHCredentials, timeout: Duration,
        outputLimit: Int = defaultOutputLimit
    ) async throws -> SSHCommandResult {
        try SSHLibrary.initialise()
        var logger = self.logger
        logger[metadataKey: "ssh.destination"] = "\(destination)"
        let log = logger
        return try await SSHThread.run { stop throws(SSHError) in
            let clock = SSHClock(deadline: .now + timeout, stop: stop)
            let descriptor = try SSHSocket.connect(to: destination.host, port: destination.port, clock: clock)
            let session = try SSHSession(descriptor: descriptor, clock: clock)
            let knownHosts = try session.knownHosts(at: credentials.knownHostsPath)
            session.preferHostKeys(knownHosts.algorithms(for: destination.host, port: destination.port))
            let key = try session.handshake()
            try knownHosts.check(key, host: destination.host, port: destination.port)
            log.debug("ssh host key accepted", metadata: ["ssh.host_key": "\(key.fingerprint)"])
            try session.authenticate(user: destination.user, keyPath: credentials.keyPath)
            let (termination, output) = try session.execute(command, outputLimit: outputLimit)
            return SSHCommandResult(termination: termination, output: output, hostKeyFingerprint: key.fingerprint)
        }
    }
}
