import PairPostgres

/// ``PostgresProbe`` through libpq in this process (PairPostgres): one `PQping` per poll, one short session for
/// `SELECT 1`, no child process.
///
/// libpq blocks, so every call runs on a thread of its own (``BlockingCall``), bounded as PostgreSQL's client
/// programs were: `connect_timeout=5` for libpq itself, and 10 s for a ping (then `noResponse`) and 15 s for
/// `SELECT 1` (then `ResourceError.timedOut`) as a whole. `pg_passfile` reaches libpq as `passfile=` in the
/// connection string, never through the environment; a password appears in no argument, error or log
/// (`pg_conninfo` holds none, and PairPostgres removes any from libpq's messages).
public struct LibPQPostgresProbe: PostgresProbe {
    /// libpq's `connect_timeout`, in seconds, unless `pg_conninfo` sets its own.
    static let connectTimeoutSeconds = 5
    private let conninfo: String
    private let pingTimeout: Duration
    private let queryTimeout: Duration

    /// A probe connecting with `conninfo` (a `key=value` string or a `postgresql://` URI) and `passfile`.
    public init(
        conninfo: String, passfile: String?, pingTimeout: Duration = .seconds(10), queryTimeout: Duration = .seconds(15)
    ) {
        self.conninfo = Self.conninfo(conninfo, passfile: passfile)
        self.pingTimeout = pingTimeout
        self.queryTimeout = queryTimeout
    }

    public func ping() async -> PostgresPing {
        let conninfo = conninfo
        let readiness = try? await BlockingCall.run("the readiness ping", timeout: pingTimeout) {
            PostgresReadiness.ping(conninfo: conninfo)
        }
        switch readiness {
        case .accepting: return .accepting
        case .rejecting: return .rejecting
        case .noAttempt: return .noAttempt
        case .noResponse, nil: return .noResponse
        }
    }

    public func selectOne() async throws {
        let conninfo = conninfo
        let answer = try await BlockingCall.run("SELECT 1", timeout: queryTimeout) {
            Result { () throws(PostgresError) -> String? in
                let connection = try PostgresConnection(conninfo: conninfo)
                defer { connection.close() }
                return try connection.query("SELECT 1").rows.first?.first ?? nil
            }
        }
        switch answer {
        case .success("1"):
            return
        case .success(let value):
            throw ResourceError(.actionFailed, "SELECT 1 failed: the server answered \(value ?? "NULL")")
        case .failure(let error):
            throw ResourceError(.actionFailed, "SELECT 1 failed: \(error)")
        }
    }

    /// `conninfo` with `connect_timeout` and `passfile` added where it does not set them itself (as the
    /// `PGCONNECT_TIMEOUT` and `PGPASSFILE` the client programs were given would have been).
    static func conninfo(_ conninfo: String, passfile: String?) -> String {
        var defaults: [(keyword: String, value: String)] = [("connect_timeout", "\(connectTimeoutSeconds)")]
        if let passfile { defaults.append(("passfile", passfile)) }
        guard conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") else {
            // In a key=value string the last setting of a keyword wins, so defaults go first.
            var prefix = Conninfo()
            for (keyword, value) in defaults { prefix[keyword] = value }
            return conninfo.isEmpty ? prefix.string : "\(prefix.string) \(conninfo)"
        }
        let query = conninfo.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        let present = Set(query.split(separator: "&").map { String($0.prefix { $0 != "=" }) })
        let added = defaults.filter { !present.contains($0.keyword) }.map { "\($0.keyword)=\(uriEncoded($0.value))" }
        guard !added.isEmpty else { return conninfo }
        let separator = conninfo.contains("?") ? (conninfo.hasSuffix("?") || conninfo.hasSuffix("&") ? "" : "&") : "?"
        return conninfo + separator + added.joined(separator: "&")
    }

    /// A URI query value: unreserved characters and `/` as they are, everything else percent-encoded.
    private static func uriEncoded(_ value: String) -> String {
        value.utf8.map { byte in
            let character = Character(Unicode.Scalar(byte))
            return (character.isASCII && (character.isLetter || character.isNumber)) || "-._~/".contains(character)
                ? String(character) : "%" + String(byte, radix: 16, uppercase: true).leftPadded()
        }.joined()
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
