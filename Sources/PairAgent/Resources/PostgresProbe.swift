/// Asks the local PostgreSQL whether it serves, the way pgpair's own sessions connect (`pg_conninfo`,
/// `pg_passfile`).
public protocol PostgresProbe: Sendable {
    /// One readiness ping (libpq's `PQping`): quick, no query, no authentication needed.
    func ping() async -> PostgresPing
    /// Runs `SELECT 1`; throws `ResourceError` when it does not answer.
    func selectOne() async throws
}

/// What a readiness ping found (libpq's `PGPing`).
public enum PostgresPing: Sendable, Equatable {
    /// The server accepts connections.
    case accepting
    /// The server answers but refuses connections (starting up, shutting down, in crash recovery).
    case rejecting
    /// Nothing answers.
    case noResponse
    /// The connection parameters are unusable; no attempt was made.
    case noAttempt
}
