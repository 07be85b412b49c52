import Foundation
import PairPostgres

/// The client probe's work: one connection through an address, optionally an insert read back by id,
/// optionally a lookup, and the name of the cluster that answered.
///
/// `run()` blocks on libpq: it is meant for the short-lived `pgpair-lab probe` process, never for a
/// task on the cooperative pool.
public struct ClientProbe: Sendable {
    public var host: String
    public var port: Int
    public var user = "postgres"
    public var database = "postgres"
    public var connectTimeoutSeconds = 2
    /// A value to insert into `pgpair_probe` and read back.
    public var insert: String?
    /// A value to look for in `pgpair_probe`.
    public var find: String?

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The connection parameters: a numeric `hostaddr` so no name is ever looked up, and no SSL or GSS
    /// negotiation (the lab's servers offer neither, and GSS could try to reach a KDC).
    public var conninfo: Conninfo {
        Conninfo([
            "host": host, "hostaddr": host, "port": "\(port)", "user": user, "dbname": database,
            "connect_timeout": "\(connectTimeoutSeconds)", "sslmode": "disable", "gssencmode": "disable",
            "application_name": "pgpair-lab-probe",
        ])
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS pgpair_probe (
            id bigserial PRIMARY KEY,
            value text NOT NULL,
            inserted_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// Runs the probe; every failure becomes a report with `ok == false`.
    public func run() -> ProbeReport {
        var report = ProbeReport(ok: false, host: host, port: port, startedAt: Date(), finishedAt: Date())
        do {
            let connection = try PostgresConnection(conninfo)
            defer { connection.close() }
            report.connectedAt = Date()
            let facts = try connection.query(
                "SELECT current_setting('cluster_name'), host(inet_server_addr()), pg_is_in_recovery()::text"
            )
            report.clusterName = facts.rows.first?[0]
            report.serverAddress = facts.rows.first?[1]
            report.inRecovery = facts.rows.first?[2] == "true"
            if let insert {
                try connection.query(Self.createTable)
                let id = try connection.query("INSERT INTO pgpair_probe (value) VALUES ($1) RETURNING id", [insert])
                    .scalar
                report.inserted = insert
                report.readBack = try connection.query("SELECT value FROM pgpair_probe WHERE id = $1", [id]).scalar
            }
            if let find {
                // A query naming a missing table fails at parse time, so ask whether it exists first.
                let tableExists = try connection.query("SELECT to_regclass('pgpair_probe') IS NOT NULL").scalar == "t"
                let query = "SELECT EXISTS (SELECT FROM pgpair_probe WHERE value = $1)"
                report.found = tableExists ? try connection.query(query, [find]).scalar == "t" : false
            }
            report.ok = insert == nil || report.readBack == insert
        } catch {
            report.failure = ProbeReport.Failure(
                code: error.code.rawValue, sqlState: error.sqlState, message: error.message)
        }
        report.finishedAt = Date()
        return report
    }
}
