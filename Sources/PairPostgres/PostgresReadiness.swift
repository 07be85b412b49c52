import CLibPQ

/// Whether a server accepts connections, as libpq's `PQping` tells without logging in: no password is needed or
/// sent, and nothing is run. For watching a server start closely (every few tens of milliseconds).
///
/// `ping(conninfo:)` blocks the calling thread until the server answers or `connect_timeout` passes; a local socket
/// answers at once. Call it from a thread of its own, never from a task on the cooperative pool.
public enum PostgresReadiness: Sendable, Equatable {
    /// The server accepts connections.
    case accepting
    /// The server answers but refuses connections: starting up, shutting down, or in crash recovery.
    case rejecting
    /// Nothing answered.
    case noResponse
    /// The connection string is unusable (it does not parse); no attempt was made.
    case noAttempt

    /// Pings the server `conninfo` names.
    public static func ping(conninfo: String) -> PostgresReadiness {
        switch PQping(conninfo) {
        case PQPING_OK: .accepting
        case PQPING_REJECT: .rejecting
        case PQPING_NO_ATTEMPT: .noAttempt
        default: .noResponse
        }
    }
}
