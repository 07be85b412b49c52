import Foundation
import PairPostgres
import Testing

/// A PostgreSQL cluster of a test's own, run as postgres (the server refuses root), listening only on a unix socket
/// in its private directory (no TCP), with autovacuum off so nothing rewrites a file behind a test's back.
public struct TestCluster: Sendable {
    /// Where Debian's PostgreSQL 15 programs are.
    public static let binDirectory = "/usr/lib/postgresql/15/bin"
    /// The cluster's directory: the data directory, the socket and the server's log.
    public let scratch: Scratch
    /// The data directory.
    public let pgdata: String
    /// The port in the socket's name.
    public let port: UInt16
    /// More server options, e.g. `-c max_wal_size=4MB`.
    public var serverOptions: [String] = []

    /// The directory of the server's unix socket.
    public var socketDirectory: String { scratch.path }
    /// A libpq connection string for the postgres superuser.
    public var conninfo: String { "host='\(socketDirectory)' port=\(port) dbname=postgres user=postgres" }

    /// initdb's a new cluster (with `initdbOptions`) and starts it (with `serverOptions`).
    public static func start(
        port: UInt16 = 5432, initdbOptions: [String] = [], serverOptions: [String] = []
    ) async throws -> TestCluster {
        let scratch = try Scratch("pgpair-synctest-pg", ownedByPostgres: true)
        let cluster = TestCluster(
            scratch: scratch, pgdata: "\(scratch.path)/pgdata", port: port, serverOptions: serverOptions)
        let initdb = try await run(
            "\(binDirectory)/initdb",
            [
                "--pgdata=\(cluster.pgdata)", "--username=postgres", "--auth=trust", "--encoding=UTF8", "--locale=C",
                "--no-instructions", "--no-sync",
            ] + initdbOptions, asPostgres: true)
        try #require(initdb.status == 0, "initdb: \(initdb.output)")
        try await cluster.startServer()
        return cluster
    }

    /// A cluster on a copy of `dataDirectory` (placed in a scratch directory of its own), started on `port`.
    public static func startCopy(of dataDirectory: String, port: UInt16) async throws -> TestCluster {
        let scratch = try Scratch("pgpair-synctest-restore", ownedByPostgres: true)
        let cluster = TestCluster(scratch: scratch, pgdata: "\(scratch.path)/pgdata", port: port)
        let copy = try await run("/usr/bin/cp", ["-a", dataDirectory, cluster.pgdata])
        try #require(copy.status == 0, "cp: \(copy.output)")
        try await cluster.startServer()
        return cluster
    }

    private func startServer() async throws {
        let options =
            (["-c port=\(port) -c listen_addresses= -c unix_socket_directories=\(socketDirectory) -c autovacuum=off"]
            + serverOptions).joined(separator: " ")
        let start = try await run(
            "\(Self.binDirectory)/pg_ctl",
            ["-D", pgdata, "-l", "\(scratch.path)/server.log", "-w", "-t", "120", "-o", options, "start"],
            asPostgres: true)
        let log = (try? String(contentsOfFile: "\(scratch.path)/server.log", encoding: .utf8)) ?? ""
        try #require(start.status == 0, "pg_ctl start: \(start.output)\n\(log.suffix(2000))")
    }

    /// The server's log so far.
    public var serverLog: String {
        (try? String(contentsOfFile: "\(scratch.path)/server.log", encoding: .utf8)) ?? ""
    }

    /// Runs statements in a session of its own; returns the last one's rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        let connection = try PostgresConnection(conninfo: conninfo)
        defer { connection.close() }
        return try connection.query(sql, parameters)
    }

    /// Fast shutdown, then removes the directory.
    public func stop() async {
        _ = try? await run("\(Self.binDirectory)/pg_ctl", ["-D", pgdata, "-m", "fast", "-w", "stop"], asPostgres: true)
        scratch.remove()
    }

    /// Makes a cluster, runs `body` with it, and stops and removes it whether `body` returns or throws.
    public static func with<Result>(
        initdbOptions: [String] = [], serverOptions: [String] = [], _ body: (TestCluster) async throws -> Result
    ) async throws -> Result {
        let cluster = try await start(initdbOptions: initdbOptions, serverOptions: serverOptions)
        do {
            let result = try await body(cluster)
            await cluster.stop()
            return result
        } catch {
            await cluster.stop()
            throw error
        }
    }
}
