/// Starts, stops and asks about the local PostgreSQL cluster of one data directory.
public protocol PostgresControl: Sendable {
    /// Starts the cluster and returns once it accepts connections; a running cluster is left as it is. Throws when
    /// it cannot start or is not ready within the timeout (then nothing of it is left running).
    func start(dataDirectory: String) async throws
    /// Stops the cluster: fast shutdown, immediate after a while. Stopping a stopped cluster succeeds.
    func stop(dataDirectory: String) async throws
    /// Running (and answering `SELECT 1`) or stopped; throws when the postmaster runs but does not answer.
    func status(dataDirectory: String) async throws -> ResourceState
}
