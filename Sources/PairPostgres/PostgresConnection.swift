import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq session.
///
/// Every call blocks the calling thread until the server answers (or `connect_timeout` passes).
/// Use it from a thread of its own or from a short-lived command-line program, never from a task on
/// the Swift concurrency cooperative pool, where a slow server would stall unrelated work.
/// An instance is not thread-safe; `close()` ends the session (deinit does too).
public final class PostgresConnection {
    private var connection: OpaquePointer?
    /// Passwords of the connection string, removed from every message this connection reports.
    private let secrets: [String]

    /// Opens a session; throws `PostgresError` with code `.invalidConninfo` or `.connectionFailed`.
    public init(conninfo: String) throws(PostgresError) {
        guard let secrets = Conninfo.secrets(in: conninfo) else {
            // libpq's parse errors quote pieces of the string, which may be a password.
            throw PostgresError(
                code: .invalidConninfo,
                message: "the connection string does not parse; check its quoting (details withheld, "
                    + "they could quote a password)"
            )
        }
        self.secrets = secrets
        guard let connection = PQconnectdb(conninfo) else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.errorText(PQerrorMessage(connection)).redacting(secrets)
            PQfinish(connection)
            throw PostgresError(code: .connectionFailed, message: message)
        }
        self.connection = connection
    }

    /// Opens a session from keyword/value parameters.
    public convenience init(_ conninfo: Conninfo) throws(PostgresError) {
        try self.init(conninfo: conninfo.string)
    }

    deinit {
        close()
    }

    /// Whether `close()` has not been called yet (the session may still have broken since).
    public var isOpen: Bool {
        connection != nil
    }

    /// The server's version number, e.g. 150008 for 15.8; 0 when closed.
    public var serverVersion: Int {
        connection.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Ends the session. Safe to call more than once.
    public func close() {
        if let connection {
            PQfinish(connection)
            self.connection = nil
        }
    }

    /// Runs one statement with `$1`, `$2`, … bound to `parameters` (text; nil is NULL), and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        guard let connection else {
            throw PostgresError(code: .connectionClosed, message: "the connection was closed before this query")
        }
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw PostgresError(
                code: .queryFailed, message: Self.errorText(PQerrorMessage(connection)).redacting(secrets))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.rows(of: result)
        default:
            throw PostgresError(
                code: .queryFailed,
                message: Self.errorText(PQresultErrorMessage(result)).redacting(secrets),
                sqlState: Self.field(result, "C")
            )
        }
    }

    private static func rows(of result: OpaquePointer) -> QueryResult {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        return QueryResult(columns: columns, rows: rows, commandStatus: String(cString: PQcmdStatus(result)))
    }

    /// One field of a server error report, named by its protocol letter (`C` is SQLSTATE).
    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    /// libpq's message without its trailing newline, or a stand-in when it gave none.
    private static func errorText(_ pointer: UnsafePointer<CChar>?) -> String {
        let text = pointer.map { String(cString: $0) } ?? ""
        let trimmed = text.trimmingSuffix { $0.isNewline || $0 == " " }
        return trimmed.isEmpty ? "libpq reported no detail" : trimmed
    }

    /// Calls `body` with C strings for `values` (NULL for nil) that live for the duration of the call.
    private static func withCStrings<R>(
        _ values: [String?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, predicate(last) { text.removeLast() }
        return String(text)
    }
}
