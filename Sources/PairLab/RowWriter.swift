import Foundation
import PairPostgres

/// The row writer's work (`pgpair-lab write-rows`, which the lab runs in its client namespace): through an address,
/// commit numbered rows 1, 2, 3 … into a table, one row per transaction, and append each number to a file only after
/// its COMMIT returned OK. After any error it reconnects and goes on with the next number, so a number whose COMMIT
/// got no answer (the server died meanwhile) is never reused and never listed: the file holds exactly the rows a
/// client was told are committed.
///
/// `run()` blocks on libpq: it is meant for the short-lived helper process, never for a task on the cooperative pool.
public struct RowWriter: Sendable {
    public var host: String
    public var port: Int
    /// The table, created when missing: `(n bigint PRIMARY KEY, committed_at timestamptz)`.
    public var table: String
    /// The pause after each commit, and before each new connection attempt.
    public var interval: Duration
    /// Where each committed number is appended, one a line.
    public var outputPath: String
    public var connectTimeoutSeconds = 2

    public init(host: String, port: Int, table: String, interval: Duration, outputPath: String) {
        self.host = host
        self.port = port
        self.table = table
        self.interval = interval
        self.outputPath = outputPath
    }

    /// Whether `name` may be the table: a lower-case SQL identifier (it is written into statements unquoted).
    public static func isTableName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_", name.count <= 63 else {
            return false
        }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    /// The connection parameters: a numeric `hostaddr`, no SSL or GSS negotiation (as the probe's), no password (the
    /// lab's servers trust the lab range), and TCP keepalives and a user timeout, so that a session whose server
    /// died with its node breaks within seconds instead of waiting for TCP's own timeouts.
    public var conninfo: Conninfo {
        Conninfo([
            "host": host, "hostaddr": host, "port": "\(port)", "user": "postgres", "dbname": "postgres",
            "connect_timeout": "\(connectTimeoutSeconds)", "sslmode": "disable", "gssencmode": "disable",
            "application_name": "pgpair-lab-write-rows", "keepalives": "1", "keepalives_idle": "1",
            "keepalives_interval": "1", "keepalives_count": "2", "tcp_user_timeout": "2000",
        ])
    }

    /// Commits rows until `shouldStop` returns true (checked between rows); every error is reported through `report`
    /// and followed by a new connection. Throws only when the output file cannot be written.
    public func run(shouldStop: () -> Bool = { false }, report: (String) -> Void = { _ in }) throws(LabError) {
        let output = try CommittedNumbersFile(path: outputPath)
        var next = output.highestNumber + 1
        var connection: PostgresConnection?
        while !shouldStop() {
            do {
                let session = try connection ?? openSession()
                connection = session
                let number = next
                next += 1
                try session.query("BEGIN")
                try session.query("INSERT INTO \(table) (n) VALUES ($1)", ["\(number)"])
                let commit = try session.query("COMMIT")
                if commit.commandStatus == "COMMIT" {
                    try output.append(number)
                } else {
                    report("row \(number): COMMIT answered \(commit.commandStatus)")
                }
            } catch let error as PostgresError {
                report("\(error)")
                connection?.close()
                connection = nil
            } catch let error as LabError {
                throw error
            } catch {
                report("\(error)")
            }
            Thread.sleep(forTimeInterval: Double(interval.wholeMilliseconds) / 1_000)
        }
    }

    private func openSession() throws(PostgresError) -> PostgresConnection {
        let session = try PostgresConnection(conninfo)
        try session.query(
            "CREATE TABLE IF NOT EXISTS \(table) "
                + "(n bigint PRIMARY KEY, committed_at timestamptz NOT NULL DEFAULT now())"
        )
        return session
    }
}

extension RowWriter {
    /// The numbers in a committed-rows file's text; a last line without its newline (being written) is left out.
    public static func numbers(in text: String) -> [Int] {
        guard let lastNewline = text.lastIndex(of: "\n") else { return [] }
        return text[..<lastNewline].split(separator: "\n").compactMap { Int($0) }
    }
}
