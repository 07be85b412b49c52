import Foundation

/// A PostgreSQL cluster of a benchmark's own outside the lab's namespaces: its data directory and socket directory
/// under a directory the benchmark owns, listening only on that unix socket (no TCP), run as postgres with pg_ctl.
struct LocalCluster: Sendable {
    /// The data directory.
    let pgdata: String
    /// The unix socket directory (`unix_socket_directories`); also where the server log goes.
    let socketDirectory: String
    let port: Int
    let executables: LabExecutables

    /// libpq's conninfo for the `postgres` database as the `postgres` user, through the socket.
    var conninfo: String {
        "host='\(socketDirectory)' port=\(port) dbname=postgres user=postgres"
    }

    /// psql's, pgbench's and pg_dumpall's connection options.
    var connectionOptions: [String] {
        ["-h", socketDirectory, "-p", "\(port)", "-U", "postgres"]
    }

    /// A cluster in `directory` (its `pgdata` and `socket` subdirectories, which the caller may not have made yet).
    init(directory: String, port: Int, executables: LabExecutables) {
        pgdata = "\(directory)/pgdata"
        socketDirectory = "\(directory)/socket"
        self.port = port
        self.executables = executables
    }

    /// Makes the directories (owned by postgres) and runs initdb with `options`.
    func initialize(options: [String], timeout: Duration) async throws {
        for directory in [URL(fileURLWithPath: pgdata).deletingLastPathComponent().path, socketDirectory] {
            try LocalCluster.createPostgresDirectory(directory, mode: 0o755)
        }
        try await runAsPostgres(
            [
                executables.postgres("initdb"), "--pgdata=\(pgdata)", "--username=postgres", "--auth=trust",
                "--no-instructions",
            ] + options, timeout: timeout)
    }

    /// Starts the server with `pg_ctl start -w`.
    func start(timeout: Duration) async throws {
        let options = [
            "-c listen_addresses=", "-c port=\(port)", "-c unix_socket_directories=\(socketDirectory)",
        ].joined(separator: " ")
        try await runAsPostgres(
            [
                executables.postgres("pg_ctl"), "-D", pgdata, "-l", "\(socketDirectory)/server.log", "-w", "-t",
                "\(timeout.components.seconds)", "-o", options, "start",
            ], timeout: timeout + .seconds(10))
    }

    /// Stops the server with a fast shutdown, waiting for it; a server that does not run is no error.
    func stop(timeout: Duration) async {
        _ = try? await CommandRunner.run(
            LabUser.postgres.commandPrefix
                + [
                    executables.postgres("pg_ctl"), "-D", pgdata, "-m", "fast", "-w", "-t",
                    "\(timeout.components.seconds)", "stop",
                ], timeout: timeout + .seconds(10))
    }

    /// Runs SQL with psql and returns its unaligned, tuples-only output.
    func sql(_ statement: String, timeout: Duration = .seconds(600)) async throws -> String {
        let output = try await runAsPostgres(
            [executables.postgres("psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1"] + connectionOptions
                + ["-d", "postgres", "-c", statement], timeout: timeout)
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `arguments` as postgres (`setpriv`, no shell) and throws unless it exits 0.
    @discardableResult
    func runAsPostgres(_ arguments: [String], timeout: Duration) async throws -> CommandOutput {
        try await CommandRunner.check(LabUser.postgres.commandPrefix + arguments, timeout: timeout)
    }

    /// A directory owned by postgres with `mode`.
    static func createPostgresDirectory(_ path: String, mode: Int) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: mode, .ownerAccountName: "postgres", .groupOwnerAccountName: "postgres"])
    }
}
