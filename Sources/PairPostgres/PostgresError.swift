/// A failure reported by libpq or by the server.
///
/// The message is libpq's or the server's text with every password of the connection string
/// replaced by `***`; a connection string that does not parse is never quoted, because libpq's
/// parse errors quote fragments of it.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarsely: callers branch on this.
    public enum Code: String, Sendable, Equatable {
        /// The connection string does not parse.
        case invalidConninfo = "invalid_conninfo"
        /// No session could be established (unreachable, refused, authentication, timeout).
        case connectionFailed = "connection_failed"
        /// The server rejected a statement, or the session broke while it ran.
        case queryFailed = "query_failed"
        /// The connection was closed before this call.
        case connectionClosed = "connection_closed"
    }

    public var code: Code
    /// What happened and, where libpq or the server says, why. Never holds a password.
    public var message: String
    /// The server's SQLSTATE when it sent one (e.g. `42601` for a syntax error).
    public var sqlState: String?

    public init(code: Code, message: String, sqlState: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String {
        var text = "\(code.rawValue)"
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        return text + ": " + message
    }
}
