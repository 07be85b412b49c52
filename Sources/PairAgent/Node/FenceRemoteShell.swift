import PairSSH

/// Where `fence ssh` runs its command: PairSSH's `SSHClient` on a real node, a fake in tests.
protocol FenceRemoteShell: Sendable {
    /// Runs `command` on `destination` (see `SSHClient.run`).
    func run(
        _ command: String, on destination: SSHDestination, credentials: SSHCredentials, timeout: Duration,
        outputLimit: Int
    ) async throws -> SSHCommandResult
}

extension SSHClient: FenceRemoteShell {}
