import Foundation

/// What one run of the client probe (`pgpair-lab probe`) saw, printed by the probe as one JSON line and
/// parsed by the lab. Times are RFC 3339 UTC with milliseconds.
public struct ProbeReport: Codable, Sendable, Equatable {
    /// Why a probe failed.
    public struct Failure: Codable, Sendable, Equatable {
        /// `PostgresError.Code`'s raw value, e.g. `connection_failed`, `query_failed`.
        public var code: String
        public var sqlState: String?
        /// libpq's or the server's message; never a password.
        public var message: String

        public init(code: String, sqlState: String? = nil, message: String) {
            self.code = code
            self.sqlState = sqlState
            self.message = message
        }
    }

    /// Whether every step succeeded.
    public var ok: Bool
    public var host: String
    public var port: Int
    /// The answering server's `cluster_name`: which node served the probe.
    public var clusterName: String?
    /// The answering server's address for this session (`inet_server_addr()`).
    public var serverAddress: String?
    /// Whether the server was in recovery (a standby).
    public var inRecovery: Bool?
    /// The value inserted into `pgpair_probe`, and the value read back by the inserted row's id.
    public var inserted: String?
    public var readBack: String?
    /// Whether a row with the value passed with `--find` exists.
    public var found: Bool?
    public var startedAt: Date
    public var connectedAt: Date?
    public var finishedAt: Date
    public var failure: Failure?

    public init(
        ok: Bool, host: String, port: Int, clusterName: String? = nil, serverAddress: String? = nil,
        inRecovery: Bool? = nil, inserted: String? = nil, readBack: String? = nil, found: Bool? = nil,
        startedAt: Date, connectedAt: Date? = nil, finishedAt: Date, failure: Failure? = nil
    ) {
        self.ok = ok
        self.host = host
        self.port = port
        self.clusterName = clusterName
        self.serverAddress = serverAddress
        self.inRecovery = inRecovery
        self.inserted = inserted
        self.readBack = readBack
        self.found = found
        self.startedAt = startedAt
        self.connectedAt = connectedAt
        self.finishedAt = finishedAt
        self.failure = failure
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The report as one line of JSON with snake_case keys.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Self.timeFormat))
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Parses a line `jsonLine()` wrote.
    public static func parse(jsonLine line: String) throws -> ProbeReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try timeFormat.parse(try container.decode(String.self))
        }
        return try decoder.decode(ProbeReport.self, from: Data(line.utf8))
    }
}
